@NullMarked
package io.lectern.content.analytics;

import org.jspecify.annotations.NullMarked;
