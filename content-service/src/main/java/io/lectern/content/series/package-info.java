@NullMarked
package io.lectern.content.series;

import org.jspecify.annotations.NullMarked;
