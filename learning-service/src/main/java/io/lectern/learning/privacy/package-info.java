@NullMarked
package io.lectern.learning.privacy;

import org.jspecify.annotations.NullMarked;
