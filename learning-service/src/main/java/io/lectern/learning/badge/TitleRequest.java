package io.lectern.learning.badge;

import org.jspecify.annotations.Nullable;

/** The earned badge to show as title, or null to show none. */
record TitleRequest(@Nullable String badgeId) {}
