@NullMarked
package io.lectern.ai.retrieval;

import org.jspecify.annotations.NullMarked;
