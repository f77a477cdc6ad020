@NullMarked
package io.lectern.content;

import org.jspecify.annotations.NullMarked;
