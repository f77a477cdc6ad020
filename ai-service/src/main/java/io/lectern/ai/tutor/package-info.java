@NullMarked
package io.lectern.ai.tutor;

import org.jspecify.annotations.NullMarked;
