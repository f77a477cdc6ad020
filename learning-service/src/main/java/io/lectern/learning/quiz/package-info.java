@NullMarked
package io.lectern.learning.quiz;

import org.jspecify.annotations.NullMarked;
