@NullMarked
package io.lectern.learning.interview;

import org.jspecify.annotations.NullMarked;
