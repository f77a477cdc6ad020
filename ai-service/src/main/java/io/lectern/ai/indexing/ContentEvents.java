package io.lectern.ai.indexing;

import io.lectern.contracts.events.EventEnvelope;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import org.springframework.stereotype.Component;

/** content's post events keep the index in step (subscribed in {@code config.AiSubscriptions}). */
@Component
public class ContentEvents {

    private final Indexer indexer;

    ContentEvents(Indexer indexer) {
        this.indexer = indexer;
    }

    public void onPostPublished(PostPublished e, EventEnvelope envelope) {
        indexer.upsert(new PostSnapshot(
                e.postId(),
                e.slug(),
                e.title(),
                e.excerpt(),
                e.authorId(),
                e.seriesId(),
                e.seriesSlug(),
                e.tags(),
                e.difficulty(),
                e.premium(),
                e.markdown(),
                e.contentHash(),
                e.version(),
                e.publishedAt()));
    }

    public void onPostUpdated(PostUpdated e, EventEnvelope envelope) {
        indexer.upsert(new PostSnapshot(
                e.postId(),
                e.slug(),
                e.title(),
                e.excerpt(),
                e.authorId(),
                e.seriesId(),
                e.seriesSlug(),
                e.tags(),
                e.difficulty(),
                e.premium(),
                e.markdown(),
                e.contentHash(),
                e.version(),
                e.updatedAt()));
    }

    public void onPostUnpublished(PostUnpublished e, EventEnvelope envelope) {
        indexer.remove(e.postId());
    }

    public void onPostDeleted(PostDeleted e, EventEnvelope envelope) {
        indexer.remove(e.postId());
    }
}
