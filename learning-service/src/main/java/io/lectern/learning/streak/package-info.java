@NullMarked
package io.lectern.learning.streak;

import org.jspecify.annotations.NullMarked;
