@NullMarked
package io.lectern.content.post;

import org.jspecify.annotations.NullMarked;
