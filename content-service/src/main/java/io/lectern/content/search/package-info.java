@NullMarked
package io.lectern.content.search;

import org.jspecify.annotations.NullMarked;
