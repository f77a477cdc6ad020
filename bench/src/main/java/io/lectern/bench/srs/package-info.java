/** Spaced-repetition benchmarks (review queue at 50,000 cards, review submission throughput). */
@NullMarked
package io.lectern.bench.srs;

import org.jspecify.annotations.NullMarked;
