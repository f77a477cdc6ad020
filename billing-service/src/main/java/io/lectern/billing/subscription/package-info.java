@NullMarked
package io.lectern.billing.subscription;

import org.jspecify.annotations.NullMarked;
