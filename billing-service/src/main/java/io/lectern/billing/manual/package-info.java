@NullMarked
package io.lectern.billing.manual;

import org.jspecify.annotations.NullMarked;
