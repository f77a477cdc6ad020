@NullMarked
package io.lectern.gateway.resilience;

import org.jspecify.annotations.NullMarked;
