@NullMarked
package io.lectern.billing.config;

import org.jspecify.annotations.NullMarked;
