@NullMarked
package io.lectern.learning.leaderboard;

import org.jspecify.annotations.NullMarked;
