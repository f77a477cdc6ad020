@NullMarked
package io.lectern.identity.admin;

import org.jspecify.annotations.NullMarked;
