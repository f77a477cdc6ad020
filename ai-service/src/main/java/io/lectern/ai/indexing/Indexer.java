package io.lectern.ai.indexing;

import io.lectern.ai.embedding.Embedder;
import io.lectern.ai.embedding.Vectors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the chunk index in step with content's posts. An edit re-embeds only the chunks whose text
 * changed (matched by hash, so moved paragraphs keep their vectors); an unpublished or deleted post
 * leaves the index with all its chunks. Rows carry the embedding model's name: queries only ever
 * read the rows of the model that embedded the query.
 */
@Component
public class Indexer {

    private static final Logger log = LoggerFactory.getLogger(Indexer.class);

    private final JdbcClient jdbc;
    private final Embedder embedder;
    private final MarkdownChunker chunker = new MarkdownChunker();
    private final AtomicLong embedded = new AtomicLong();
    private final Counter embeddedCounter;

    Indexer(JdbcClient jdbc, Embedder embedder, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.embedder = embedder;
        this.embeddedCounter = Counter.builder("lectern.ai.chunks.embedded")
                .description("chunks embedded by the indexer (reused vectors not counted)")
                .register(meters);
    }

    /** Chunks embedded since start (re-used vectors not counted). */
    public long chunksEmbedded() {
        return embedded.get();
    }

    public String model() {
        return embedder.model();
    }

    /** A post was published or changed. Older versions than the stored one are ignored. */
    @Transactional
    public void upsert(PostSnapshot p) {
        lock(p.id());
        Optional<Long> stored = jdbc.sql("SELECT version FROM post WHERE id = :id")
                .param("id", p.id())
                .query(Long.class)
                .optional();
        if (stored.isPresent() && stored.get() > p.version()) {
            log.debug("ignoring post {} v{} (have v{})", p.id(), p.version(), stored.get());
            return;
        }
        jdbc.sql("""
                INSERT INTO post (id, slug, title, excerpt, author_id, series_id, series_slug, tags, difficulty,
                                  premium, markdown, content_hash, version, published_at, updated_at)
                VALUES (:id, :slug, :title, :excerpt, :author, :series, :seriesSlug, CAST(:tags AS text[]), :difficulty,
                        :premium, :markdown, :hash, :version, :publishedAt, now())
                ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, title = EXCLUDED.title,
                    excerpt = EXCLUDED.excerpt, author_id = EXCLUDED.author_id, series_id = EXCLUDED.series_id,
                    series_slug = EXCLUDED.series_slug, tags = EXCLUDED.tags, difficulty = EXCLUDED.difficulty,
                    premium = EXCLUDED.premium, markdown = EXCLUDED.markdown, content_hash = EXCLUDED.content_hash,
                    version = EXCLUDED.version, updated_at = now()
                """)
                .param("id", p.id())
                .param("slug", p.slug())
                .param("title", p.title())
                .param("excerpt", p.excerpt())
                .param("author", p.authorId())
                .param("series", p.seriesId())
                .param("seriesSlug", p.seriesSlug())
                .param("tags", PgArrays.text(p.tags()))
                .param("difficulty", p.difficulty())
                .param("premium", p.premium())
                .param("markdown", p.markdown())
                .param("hash", p.contentHash())
                .param("version", p.version())
                .param("publishedAt", Timestamp.from(p.publishedAt()))
                .update();
        indexChunks(p.id(), embedder, false);
    }

    /** A post left the public site: its chunks leave the index. */
    @Transactional
    public void remove(UUID postId) {
        lock(postId);
        jdbc.sql("DELETE FROM post WHERE id = :id").param("id", postId).update();
    }

    /**
     * (Re)builds the chunks of one stored post for {@code model}; with {@code force} every chunk is
     * embedded again, otherwise vectors of unchanged chunks are kept. Returns the number embedded.
     */
    @Transactional
    public int reindex(UUID postId, boolean force) {
        lock(postId);
        return indexChunks(postId, embedder, force);
    }

    public List<UUID> postIds() {
        return jdbc.sql("SELECT id FROM post ORDER BY published_at")
                .query(UUID.class)
                .list();
    }

    /** Drops vectors of every other model (after a re-index finished). */
    @Transactional
    public int dropOtherModels() {
        jdbc.sql("DELETE FROM post_vector WHERE model <> :m")
                .param("m", embedder.model())
                .update();
        return jdbc.sql("DELETE FROM chunk WHERE model <> :m")
                .param("m", embedder.model())
                .update();
    }

    private int indexChunks(UUID postId, Embedder model, boolean force) {
        record Stored(
                String title, String markdown, boolean premium, String seriesSlug, String[] tags, String difficulty) {}
        Optional<Stored> post = jdbc.sql(
                        "SELECT title, markdown, premium, series_slug, tags, difficulty FROM post WHERE id = :id")
                .param("id", postId)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        (String[]) rs.getArray(5).getArray(),
                        rs.getString(6)))
                .optional();
        if (post.isEmpty()) {
            return 0;
        }
        Stored s = post.get();
        List<Chunk> chunks = chunker.chunk(s.markdown());
        Map<String, String> known = new HashMap<>();
        if (!force) {
            jdbc.sql("SELECT content_hash, embedding::text FROM chunk WHERE post_id = :id AND model = :m")
                    .param("id", postId)
                    .param("m", model.model())
                    .query((rs, n) -> known.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
        List<String> hashes = new ArrayList<>();
        List<String> toEmbed = new ArrayList<>();
        List<Integer> toEmbedAt = new ArrayList<>();
        String[] vectors = new String[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            String text = embeddingText(s.title(), c);
            String hash = MarkdownChunker.sha256(text);
            hashes.add(hash);
            String reuse = known.get(hash);
            if (reuse != null) {
                vectors[i] = reuse;
            } else {
                toEmbed.add(text);
                toEmbedAt.add(i);
            }
        }
        if (!toEmbed.isEmpty()) {
            List<float[]> fresh = model.embedAll(toEmbed);
            for (int j = 0; j < fresh.size(); j++) {
                vectors[toEmbedAt.get(j)] = Vectors.literal(fresh.get(j));
            }
        }
        jdbc.sql("DELETE FROM chunk WHERE post_id = :id AND model = :m")
                .param("id", postId)
                .param("m", model.model())
                .update();
        List<float[]> all = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            jdbc.sql("""
                    INSERT INTO chunk (id, post_id, model, ordinal, heading_path, anchor, content, content_hash, title,
                                       premium, series_slug, tags, difficulty, embedding)
                    VALUES (:id, :post, :model, :ordinal, :path, :anchor, :content, :hash, :title,
                            :premium, :series, CAST(:tags AS text[]), :difficulty, CAST(:embedding AS vector))
                    """)
                    .param("id", UUID.randomUUID())
                    .param("post", postId)
                    .param("model", model.model())
                    .param("ordinal", c.ordinal())
                    .param("path", c.headingPath())
                    .param("anchor", c.anchor())
                    .param("content", c.content())
                    .param("hash", hashes.get(i))
                    .param("title", s.title())
                    .param("premium", s.premium())
                    .param("series", s.seriesSlug())
                    .param("tags", PgArrays.text(List.of(s.tags())))
                    .param("difficulty", s.difficulty())
                    .param("embedding", vectors[i])
                    .update();
            all.add(Vectors.parse(vectors[i]));
        }
        jdbc.sql("DELETE FROM post_vector WHERE post_id = :id AND model = :m")
                .param("id", postId)
                .param("m", model.model())
                .update();
        if (!all.isEmpty()) {
            jdbc.sql("INSERT INTO post_vector (post_id, model, embedding) VALUES (:id, :m, CAST(:v AS vector))")
                    .param("id", postId)
                    .param("m", model.model())
                    .param("v", Vectors.literal(Vectors.mean(all)))
                    .update();
        }
        embedded.addAndGet(toEmbed.size());
        embeddedCounter.increment(toEmbed.size());
        log.debug("indexed post {}: {} chunks, {} embedded", postId, chunks.size(), toEmbed.size());
        return toEmbed.size();
    }

    /** What gets embedded: the post title and heading path give a passage its context. */
    static String embeddingText(String title, Chunk c) {
        return title + ". " + (c.headingPath().isEmpty() ? "" : c.headingPath() + ". ") + c.content();
    }

    private void lock(UUID postId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:id))")
                .param("id", postId.toString())
                .query()
                .singleRow();
    }
}
