@NullMarked
package io.lectern.notify.digest;

import org.jspecify.annotations.NullMarked;
