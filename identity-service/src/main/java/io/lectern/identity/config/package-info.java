@NullMarked
package io.lectern.identity.config;

import org.jspecify.annotations.NullMarked;
