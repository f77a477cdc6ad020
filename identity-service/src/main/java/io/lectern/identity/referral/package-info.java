@NullMarked
package io.lectern.identity.referral;

import org.jspecify.annotations.NullMarked;
