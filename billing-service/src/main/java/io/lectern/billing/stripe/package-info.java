@NullMarked
package io.lectern.billing.stripe;

import org.jspecify.annotations.NullMarked;
