@NullMarked
package io.lectern.ai.indexing;

import org.jspecify.annotations.NullMarked;
