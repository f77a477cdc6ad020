@NullMarked
package io.lectern.identity;

import org.jspecify.annotations.NullMarked;
