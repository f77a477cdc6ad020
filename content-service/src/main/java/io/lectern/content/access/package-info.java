@NullMarked
package io.lectern.content.access;

import org.jspecify.annotations.NullMarked;
