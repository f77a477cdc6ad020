@NullMarked
package io.lectern.content.upload;

import org.jspecify.annotations.NullMarked;
