@NullMarked
package io.lectern.identity.messaging;

import org.jspecify.annotations.NullMarked;
