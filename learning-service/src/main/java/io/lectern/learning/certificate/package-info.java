@NullMarked
package io.lectern.learning.certificate;

import org.jspecify.annotations.NullMarked;
