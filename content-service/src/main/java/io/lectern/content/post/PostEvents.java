package io.lectern.content.post;

import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import io.lectern.eventbus.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns post state changes into the content events other services consume; always inside the change's transaction. */
@Component
class PostEvents {

    private final EventPublisher publisher;

    PostEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    static String contentHash(String markdown) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(markdown.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void published(PostRow p) {
        publisher.publish(
                p.id().toString(),
                new PostPublished(
                        p.id(),
                        p.slug(),
                        p.title(),
                        p.excerpt(),
                        p.authorId(),
                        p.authorName(),
                        p.seriesId(),
                        p.seriesSlug(),
                        p.seriesPosition(),
                        p.tagSlugs(),
                        p.difficulty().name(),
                        p.premium(),
                        p.readingMinutes(),
                        p.markdown(),
                        contentHash(p.markdown()),
                        java.util.Objects.requireNonNull(p.publishedAt()),
                        p.version()));
    }

    void updated(PostRow p, @Nullable String previousSlug, List<String> changed) {
        publisher.publish(
                p.id().toString(),
                new PostUpdated(
                        p.id(),
                        p.slug(),
                        previousSlug,
                        p.title(),
                        p.excerpt(),
                        p.authorId(),
                        p.authorName(),
                        p.seriesId(),
                        p.seriesSlug(),
                        p.seriesPosition(),
                        p.tagSlugs(),
                        p.difficulty().name(),
                        p.premium(),
                        p.readingMinutes(),
                        p.markdown(),
                        contentHash(p.markdown()),
                        changed,
                        p.updatedAt(),
                        p.version()));
    }

    void unpublished(PostRow p) {
        publisher.publish(p.id().toString(), new PostUnpublished(p.id(), p.slug(), p.updatedAt(), p.version()));
    }

    void deleted(PostRow p, Instant at) {
        publisher.publish(p.id().toString(), new PostDeleted(p.id(), p.slug(), at, p.version() + 1));
    }
}
