@NullMarked
package io.lectern.billing;

import org.jspecify.annotations.NullMarked;
