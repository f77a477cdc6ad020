@NullMarked
package io.lectern.billing.admin;

import org.jspecify.annotations.NullMarked;
