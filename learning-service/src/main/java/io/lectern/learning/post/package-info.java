@NullMarked
package io.lectern.learning.post;

import org.jspecify.annotations.NullMarked;
