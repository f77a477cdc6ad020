package io.lectern.learning.srs.fsrs;

/** Stability S (days until recall probability falls to 90 %) and difficulty D (1 to 10). */
public record MemoryState(double stability, double difficulty) {}
