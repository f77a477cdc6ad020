@NullMarked
package io.lectern.ai.access;

import org.jspecify.annotations.NullMarked;
