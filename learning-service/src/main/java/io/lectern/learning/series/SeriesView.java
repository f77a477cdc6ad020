package io.lectern.learning.series;

import java.util.List;
import java.util.UUID;

/** learning's copy of a series: its ordered post ids as content last reported them. */
public record SeriesView(
        UUID id, String slug, String title, String description, List<UUID> postIds, boolean deleted, long version) {}
