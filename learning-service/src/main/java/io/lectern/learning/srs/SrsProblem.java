package io.lectern.learning.srs;

import io.lectern.platform.web.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A spaced-repetition error: an RFC 9457 problem with a stable {@code type} and the offending field. */
final class SrsProblem extends ProblemException {

    private static final String BASE = "https://lectern.dev/problems/srs/";

    private final URI type;

    private SrsProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, title, detail);
        this.type = URI.create(BASE + slug);
    }

    static SrsProblem cardNotFound() {
        return (SrsProblem) new SrsProblem(HttpStatus.NOT_FOUND, "card-not-found", "Card not found", "No such card.")
                .with("field", "cardId");
    }

    static SrsProblem draftNotFound() {
        return (SrsProblem) new SrsProblem(HttpStatus.NOT_FOUND, "draft-not-found", "Draft not found", "No such draft.")
                .with("field", "draftId");
    }

    static SrsProblem postNotFound() {
        return (SrsProblem) new SrsProblem(HttpStatus.NOT_FOUND, "post-not-found", "Post not found", "No such post.")
                .with("field", "postId");
    }

    static SrsProblem suspended() {
        return (SrsProblem) new SrsProblem(
                        HttpStatus.CONFLICT,
                        "card-suspended",
                        "Card suspended",
                        "A suspended card cannot be reviewed; unsuspend it first.")
                .with("field", "cardId");
    }

    static SrsProblem stale(long current) {
        return (SrsProblem) new SrsProblem(
                        HttpStatus.CONFLICT,
                        "card-changed",
                        "Card changed",
                        "The card was reviewed or changed since you loaded it; reload the queue.")
                .with("field", "version")
                .with("currentVersion", current);
    }

    static SrsProblem invalid(String field, String detail) {
        return (SrsProblem) new SrsProblem(HttpStatus.BAD_REQUEST, "invalid-" + field, "Invalid request", detail)
                .with("field", field);
    }

    static SrsProblem nothingToUndo() {
        return new SrsProblem(HttpStatus.CONFLICT, "nothing-to-undo", "Nothing to undo", "There is no review to undo.");
    }

    static SrsProblem gradeLink(HttpStatus status, String slug, String detail) {
        return (SrsProblem) new SrsProblem(status, slug, "Grade link refused", detail).with("field", "token");
    }

    @Override
    public ProblemDetail toProblemDetail() {
        ProblemDetail pd = super.toProblemDetail();
        pd.setType(type);
        return pd;
    }
}
