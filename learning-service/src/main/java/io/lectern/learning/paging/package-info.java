@NullMarked
package io.lectern.learning.paging;

import org.jspecify.annotations.NullMarked;
