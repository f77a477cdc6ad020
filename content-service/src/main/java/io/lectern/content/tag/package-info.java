@NullMarked
package io.lectern.content.tag;

import org.jspecify.annotations.NullMarked;
