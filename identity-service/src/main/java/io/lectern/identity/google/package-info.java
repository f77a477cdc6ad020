@NullMarked
package io.lectern.identity.google;

import org.jspecify.annotations.NullMarked;
