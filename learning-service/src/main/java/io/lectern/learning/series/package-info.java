@NullMarked
package io.lectern.learning.series;

import org.jspecify.annotations.NullMarked;
