@NullMarked
package io.lectern.ai;

import org.jspecify.annotations.NullMarked;
