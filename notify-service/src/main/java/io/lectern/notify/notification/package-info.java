@NullMarked
package io.lectern.notify.notification;

import org.jspecify.annotations.NullMarked;
