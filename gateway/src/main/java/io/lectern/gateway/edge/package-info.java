@NullMarked
package io.lectern.gateway.edge;

import org.jspecify.annotations.NullMarked;
