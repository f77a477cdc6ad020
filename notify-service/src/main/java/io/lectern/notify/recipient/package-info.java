@NullMarked
package io.lectern.notify.recipient;

import org.jspecify.annotations.NullMarked;
