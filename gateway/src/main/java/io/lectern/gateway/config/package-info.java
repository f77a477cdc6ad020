@NullMarked
package io.lectern.gateway.config;

import org.jspecify.annotations.NullMarked;
