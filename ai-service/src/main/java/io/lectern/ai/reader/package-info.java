@NullMarked
package io.lectern.ai.reader;

import org.jspecify.annotations.NullMarked;
