package io.lectern.learning.leaderboard;

/** {@code optOut = true}: the user is hidden from every board; false (also when never set): shown. */
record OptOutResponse(boolean optOut) {}
