@NullMarked
package io.lectern.ai.config;

import org.jspecify.annotations.NullMarked;
