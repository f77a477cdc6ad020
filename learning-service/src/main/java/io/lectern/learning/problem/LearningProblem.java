package io.lectern.learning.problem;

import io.lectern.platform.web.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A problem response with a {@code type} of its own ({@code https://lectern.dev/problems/<slug>}) and,
 * for bad input, the offending {@code field}. Thrown before anything is written, so a refused request
 * changes nothing.
 */
public class LearningProblem extends ProblemException {

    private static final String BASE = "https://lectern.dev/problems/";

    private final URI type;

    public LearningProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, title, detail);
        this.type = URI.create(BASE + slug);
    }

    /** 400 for a request field that is malformed or out of range. */
    public static LearningProblem invalidField(String field, String detail) {
        LearningProblem p = new LearningProblem(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request", detail);
        p.with("field", field);
        return p;
    }

    /** 404 for something the request names that does not exist (or the user may not see). */
    public static LearningProblem unknown(String field, String what) {
        LearningProblem p =
                new LearningProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
        p.with("field", field);
        return p;
    }

    /** 400 for a paging cursor that was not issued by this service (tampered or truncated). */
    public static LearningProblem badCursor() {
        LearningProblem p = new LearningProblem(
                HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor", "The paging cursor is not valid.");
        p.with("field", "cursor");
        return p;
    }

    /** 413-like limits are reported as 400 with the field and the limit. */
    public static LearningProblem tooLarge(String field, int limit) {
        LearningProblem p = new LearningProblem(
                HttpStatus.BAD_REQUEST, "too-large", "Too large", field + " must be at most " + limit + " characters.");
        p.with("field", field);
        p.with("limit", limit);
        return p;
    }

    public static LearningProblem conflict(String slug, String detail) {
        return new LearningProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    @Override
    public ProblemDetail toProblemDetail() {
        ProblemDetail pd = super.toProblemDetail();
        pd.setType(type);
        return pd;
    }
}
