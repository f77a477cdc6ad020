@NullMarked
package io.lectern.learning.challenge;

import org.jspecify.annotations.NullMarked;
