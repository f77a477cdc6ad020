package io.lectern.learning.certificate;

/** How much a certificate claims: the series was finished, or it was still known at least 14 days later. */
public enum Level {
    COMPLETED("Completed"),
    RETAINED("Retained");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
