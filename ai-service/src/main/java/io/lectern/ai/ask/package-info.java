@NullMarked
package io.lectern.ai.ask;

import org.jspecify.annotations.NullMarked;
