package io.lectern.learning.leaderboard;

/** {@code optOut = true} hides the user from every board (XP is still earned). */
record OptOutRequest(boolean optOut) {}
