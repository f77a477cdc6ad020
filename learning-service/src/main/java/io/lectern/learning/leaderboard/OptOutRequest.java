package io.lectern.learning.leaderboard;

import org.jspecify.annotations.Nullable;

/** {@code optOut = true} hides the user from every board (XP is still earned); it must be given. */
record OptOutRequest(@Nullable Boolean optOut) {}
