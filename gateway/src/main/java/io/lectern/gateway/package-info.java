@NullMarked
package io.lectern.gateway;

import org.jspecify.annotations.NullMarked;
