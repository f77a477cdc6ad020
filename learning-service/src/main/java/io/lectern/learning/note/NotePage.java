package io.lectern.learning.note;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Notes, most recently edited first; {@code nextCursor} fetches the next page (null at the end). */
record NotePage(List<NoteResponse> items, @Nullable String nextCursor) {}
