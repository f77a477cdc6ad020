package io.lectern.ai.indexing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Re-indexing in the background: when the configured model differs from the one the index was built
 * with (checked at start), or when an admin asks. Queries keep reading only the rows of the running
 * model, so the two models' vectors never meet; rows of the old model are dropped once every post has
 * rows of the new one.
 */
@Component
public class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    private final Indexer indexer;
    private final JdbcClient jdbc;
    private final AtomicBoolean running = new AtomicBoolean();

    Reindexer(Indexer indexer, JdbcClient jdbc) {
        this.indexer = indexer;
        this.jdbc = jdbc;
    }

    public record Status(
            @Nullable String model,
            @Nullable Integer dimension,
            @Nullable String reindexModel,
            @Nullable Instant reindexStartedAt,
            int done,
            int total,
            boolean running) {}

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Status s = status();
        if (!indexer.model().equals(s.model())) {
            log.info(
                    "index built with {}, running model is {}: re-indexing in the background",
                    s.model(),
                    indexer.model());
            start(false);
        }
        Thread.ofVirtual().name("ai-reindex-requests").start(this::pollRequests);
    }

    /** Picks up a re-index requested in the database ({@code ./lectern reindex}) every 15 s. */
    private void pollRequests() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(15_000);
                List<Boolean> force = jdbc.sql("UPDATE index_state SET reindex_requested = false WHERE id = 1"
                                + " AND reindex_requested RETURNING reindex_force")
                        .query(Boolean.class)
                        .list();
                if (!force.isEmpty()) {
                    log.info("re-index requested in the database (force={})", force.getFirst());
                    start(force.getFirst());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.debug("re-index request check failed: {}", e.toString());
            }
        }
    }

    /** Starts a re-index unless one runs; returns whether this call started it. */
    public boolean start(boolean force) {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        List<UUID> ids = indexer.postIds();
        jdbc.sql("UPDATE index_state SET reindex_model = :m, reindex_started_at = :t, reindex_done = 0,"
                        + " reindex_total = :n, updated_at = now() WHERE id = 1")
                .param("m", indexer.model())
                .param("t", Timestamp.from(Instant.now()))
                .param("n", ids.size())
                .update();
        Thread.ofVirtual().name("ai-reindex").start(() -> run(ids, force));
        return true;
    }

    /** Runs a re-index on the calling thread (the command line and tests). */
    public int runNow(boolean force) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("a re-index is already running");
        }
        return run(indexer.postIds(), force);
    }

    private int run(List<UUID> ids, boolean force) {
        int embedded = 0;
        try {
            int done = 0;
            for (UUID id : ids) {
                embedded += indexer.reindex(id, force);
                done++;
                jdbc.sql("UPDATE index_state SET reindex_done = :d, updated_at = now() WHERE id = 1")
                        .param("d", done)
                        .update();
            }
            int dropped = indexer.dropOtherModels();
            jdbc.sql("UPDATE index_state SET model = :m, dimension = 384, reindex_model = NULL, updated_at = now()"
                            + " WHERE id = 1")
                    .param("m", indexer.model())
                    .update();
            log.info(
                    "re-index with {} done: {} posts, {} chunks embedded, {} old rows dropped",
                    indexer.model(),
                    ids.size(),
                    embedded,
                    dropped);
        } catch (RuntimeException e) {
            log.error("re-index failed; the index keeps serving {}", indexer.model(), e);
        } finally {
            running.set(false);
        }
        return embedded;
    }

    public Status status() {
        return jdbc.sql("SELECT model, dimension, reindex_model, reindex_started_at, reindex_done, reindex_total"
                        + " FROM index_state WHERE id = 1")
                .query((rs, n) -> new Status(
                        rs.getString(1),
                        (Integer) rs.getObject(2),
                        rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getInt(5),
                        rs.getInt(6),
                        running.get()))
                .single();
    }
}
