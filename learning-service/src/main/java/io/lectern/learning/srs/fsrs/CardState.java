package io.lectern.learning.srs.fsrs;

public enum CardState {
    NEW,
    LEARNING,
    REVIEW,
    RELEARNING
}
