@NullMarked
package io.lectern.learning.problem;

import org.jspecify.annotations.NullMarked;
