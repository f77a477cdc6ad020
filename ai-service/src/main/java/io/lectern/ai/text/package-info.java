@NullMarked
package io.lectern.ai.text;

import org.jspecify.annotations.NullMarked;
