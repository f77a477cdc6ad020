@NullMarked
package io.lectern.learning.xp;

import org.jspecify.annotations.NullMarked;
