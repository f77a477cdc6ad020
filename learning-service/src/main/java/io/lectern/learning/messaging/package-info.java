@NullMarked
package io.lectern.learning.messaging;

import org.jspecify.annotations.NullMarked;
