@NullMarked
package io.lectern.learning.bookmark;

import org.jspecify.annotations.NullMarked;
