package io.lectern.content.transfer;

import io.lectern.content.post.PostImport;
import org.jspecify.annotations.Nullable;

/** One post read from an import, before its series (named by slug) is resolved to an id. */
record ParsedPost(String file, PostImport post, @Nullable String seriesSlug) {

    /** What was wrong with one file or one post of an import. */
    record Problem(
            String file,
            int status,
            String detail,
            @Nullable String field) {}

    /** A file that could not become a post; collected so one answer lists every bad file. */
    static final class Invalid extends RuntimeException {
        final @Nullable String field;

        Invalid(String detail, @Nullable String field) {
            super(detail, null, false, false);
            this.field = field;
        }
    }
}
