@NullMarked
package io.lectern.billing.account;

import org.jspecify.annotations.NullMarked;
