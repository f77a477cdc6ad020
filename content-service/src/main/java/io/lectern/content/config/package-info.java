@NullMarked
package io.lectern.content.config;

import org.jspecify.annotations.NullMarked;
