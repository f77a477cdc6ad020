@NullMarked
package io.lectern.identity.account;

import org.jspecify.annotations.NullMarked;
