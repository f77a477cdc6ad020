@NullMarked
package io.lectern.identity.privacy;

import org.jspecify.annotations.NullMarked;
