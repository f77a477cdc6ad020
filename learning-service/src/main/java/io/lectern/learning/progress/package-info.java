@NullMarked
package io.lectern.learning.progress;

import org.jspecify.annotations.NullMarked;
