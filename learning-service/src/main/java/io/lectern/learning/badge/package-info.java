@NullMarked
package io.lectern.learning.badge;

import org.jspecify.annotations.NullMarked;
