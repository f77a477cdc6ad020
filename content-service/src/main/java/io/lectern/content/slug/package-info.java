@NullMarked
package io.lectern.content.slug;

import org.jspecify.annotations.NullMarked;
