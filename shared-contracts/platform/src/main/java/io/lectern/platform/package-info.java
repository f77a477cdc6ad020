/** Shared defaults every Lectern service gets by depending on this module: one auto-configuration, no business logic. */
@NullMarked
package io.lectern.platform;

import org.jspecify.annotations.NullMarked;
