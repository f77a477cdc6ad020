package io.lectern.content.post;

public enum Difficulty {
    BEGINNER,
    INTERMEDIATE,
    ADVANCED
}
