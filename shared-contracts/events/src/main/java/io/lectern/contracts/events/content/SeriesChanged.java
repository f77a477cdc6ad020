package io.lectern.contracts.events.content;

import io.lectern.contracts.events.EventType;
import java.util.List;
import java.util.UUID;

/** A series was created or changed: its title, slug and the ordered ids of its published posts. */
@EventType("content.series-changed.v1")
public record SeriesChanged(
        UUID seriesId,
        String slug,
        String title,
        String description,
        List<UUID> postIds,
        boolean deleted,
        long version) {}
