package io.lectern.learning.srs.fsrs;

/** The four answers of a review; the grade G of the FSRS formulas is {@link #grade()}. */
public enum Rating {
    AGAIN(1),
    HARD(2),
    GOOD(3),
    EASY(4);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    public int grade() {
        return grade;
    }

    /** @throws IllegalArgumentException unless 1 ≤ grade ≤ 4 */
    public static Rating ofGrade(int grade) {
        return switch (grade) {
            case 1 -> AGAIN;
            case 2 -> HARD;
            case 3 -> GOOD;
            case 4 -> EASY;
            default -> throw new IllegalArgumentException("rating must be 1 to 4, was " + grade);
        };
    }
}
