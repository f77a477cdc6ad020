package io.lectern.learning.bookmark;

import java.time.Instant;
import java.util.UUID;

/** A bookmarked post with what a list shows of it. */
record BookmarkResponse(
        UUID postId, String slug, String title, String excerpt, int readingMinutes, Instant bookmarkedAt) {}
