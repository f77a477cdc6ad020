@NullMarked
package io.lectern.billing.sync;

import org.jspecify.annotations.NullMarked;
