@NullMarked
package io.lectern.content.comment;

import org.jspecify.annotations.NullMarked;
