@NullMarked
package io.lectern.learning.config;

import org.jspecify.annotations.NullMarked;
