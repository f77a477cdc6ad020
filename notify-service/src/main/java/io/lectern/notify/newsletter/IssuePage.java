package io.lectern.notify.newsletter;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of newsletter issues, newest first; pass {@code nextCursor} back for the next page (null at the end). */
record IssuePage(List<IssueSummary> items, @Nullable String nextCursor) {}
