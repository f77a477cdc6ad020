@NullMarked
package io.lectern.billing.privacy;

import org.jspecify.annotations.NullMarked;
