@NullMarked
package io.lectern.notify.newsletter;

import org.jspecify.annotations.NullMarked;
