@NullMarked
package io.lectern.gateway.auth;

import org.jspecify.annotations.NullMarked;
