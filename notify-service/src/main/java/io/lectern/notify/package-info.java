@NullMarked
package io.lectern.notify;

import org.jspecify.annotations.NullMarked;
