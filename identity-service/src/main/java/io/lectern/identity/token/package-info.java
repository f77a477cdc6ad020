@NullMarked
package io.lectern.identity.token;

import org.jspecify.annotations.NullMarked;
