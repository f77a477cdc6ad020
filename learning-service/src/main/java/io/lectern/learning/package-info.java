@NullMarked
package io.lectern.learning;

import org.jspecify.annotations.NullMarked;
