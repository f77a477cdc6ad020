@NullMarked
package io.lectern.content.messaging;

import org.jspecify.annotations.NullMarked;
