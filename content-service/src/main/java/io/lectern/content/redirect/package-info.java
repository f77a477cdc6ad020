@NullMarked
package io.lectern.content.redirect;

import org.jspecify.annotations.NullMarked;
