@NullMarked
package io.lectern.identity.settings;

import org.jspecify.annotations.NullMarked;
