@NullMarked
package io.lectern.learning.note;

import org.jspecify.annotations.NullMarked;
