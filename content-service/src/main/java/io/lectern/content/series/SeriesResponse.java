package io.lectern.content.series;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A series page: its published posts in reading order. */
record SeriesResponse(UUID id, String slug, String title, String description, List<Entry> posts, long version) {

    record Entry(
            UUID id,
            String slug,
            String title,
            String excerpt,
            boolean premium,
            int readingMinutes,
            @Nullable Integer position) {}

    record Summary(UUID id, String slug, String title, String description, int publishedPosts) {}
}
