/** learning-service benchmarks: leaderboard reads at 100,000 users and XP awards from the bus. */
@NullMarked
package io.lectern.bench.learning;

import org.jspecify.annotations.NullMarked;
