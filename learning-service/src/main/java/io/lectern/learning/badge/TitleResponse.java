package io.lectern.learning.badge;

import org.jspecify.annotations.Nullable;

record TitleResponse(@Nullable String badgeId) {}
