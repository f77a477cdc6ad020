@NullMarked
package io.lectern.content.feed;

import org.jspecify.annotations.NullMarked;
