@NullMarked
package io.lectern.notify.messaging;

import org.jspecify.annotations.NullMarked;
