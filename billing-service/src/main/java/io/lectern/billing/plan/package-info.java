@NullMarked
package io.lectern.billing.plan;

import org.jspecify.annotations.NullMarked;
