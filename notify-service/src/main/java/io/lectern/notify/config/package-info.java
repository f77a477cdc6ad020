@NullMarked
package io.lectern.notify.config;

import org.jspecify.annotations.NullMarked;
