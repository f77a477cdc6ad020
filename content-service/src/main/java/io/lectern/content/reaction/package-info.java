@NullMarked
package io.lectern.content.reaction;

import org.jspecify.annotations.NullMarked;
