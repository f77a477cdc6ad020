package io.lectern.content.comment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A reader's report: one reason of the fixed set, and optionally a note for the moderator. */
record ReportRequest(
        @NotNull ReportReason reason,
        @Nullable @Size(max = ReportRequest.NOTE_MAX) String note) {

    static final int NOTE_MAX = 500;
}
