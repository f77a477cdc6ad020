@NullMarked
package io.lectern.content.markdown;

import org.jspecify.annotations.NullMarked;
