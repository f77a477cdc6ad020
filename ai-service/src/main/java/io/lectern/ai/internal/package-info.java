@NullMarked
package io.lectern.ai.internal;

import org.jspecify.annotations.NullMarked;
