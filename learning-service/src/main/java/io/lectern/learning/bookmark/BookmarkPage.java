package io.lectern.learning.bookmark;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of bookmarks, newest first; pass {@code nextCursor} back to get the next page (null at the end). */
record BookmarkPage(List<BookmarkResponse> items, @Nullable String nextCursor) {}
