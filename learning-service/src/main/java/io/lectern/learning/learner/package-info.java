@NullMarked
package io.lectern.learning.learner;

import org.jspecify.annotations.NullMarked;
