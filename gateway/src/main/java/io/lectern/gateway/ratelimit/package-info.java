@NullMarked
package io.lectern.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
