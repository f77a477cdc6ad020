package io.lectern.learning.messaging;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import io.lectern.contracts.events.content.SeriesChanged;
import io.lectern.learning.post.Posts;
import io.lectern.learning.series.SeriesCatalog;
import org.springframework.stereotype.Component;

/** Keeps the post and series read models in step with content (version-aware upserts, tombstones). */
@Component
public class ContentEvents {

    private final Posts posts;
    private final SeriesCatalog series;

    ContentEvents(Posts posts, SeriesCatalog series) {
        this.posts = posts;
        this.series = series;
    }

    public void onPostPublished(PostPublished event, EventEnvelope envelope) {
        posts.onPublished(event);
    }

    public void onPostUpdated(PostUpdated event, EventEnvelope envelope) {
        posts.onUpdated(event);
    }

    public void onPostUnpublished(PostUnpublished event, EventEnvelope envelope) {
        posts.onUnpublished(event);
    }

    public void onPostDeleted(PostDeleted event, EventEnvelope envelope) {
        posts.onDeleted(event);
    }

    public void onSeriesChanged(SeriesChanged event, EventEnvelope envelope) {
        series.onChanged(event);
    }
}
