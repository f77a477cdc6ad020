@NullMarked
package io.lectern.ai.embedding;

import org.jspecify.annotations.NullMarked;
