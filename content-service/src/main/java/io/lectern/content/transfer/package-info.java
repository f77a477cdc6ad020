@NullMarked
package io.lectern.content.transfer;

import org.jspecify.annotations.NullMarked;
