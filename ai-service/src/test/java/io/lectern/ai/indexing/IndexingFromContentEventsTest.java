package io.lectern.ai.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.ai.support.AiIntegrationTest;
import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUnpublished;
import io.lectern.contracts.events.content.PostUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IndexingFromContentEventsTest extends AiIntegrationTest {

    static final String MARKDOWN = """
            Intro paragraph about write-ahead logging in PostgreSQL.

            ## Checkpoints

            A checkpoint flushes dirty pages so that recovery replays less WAL.

            ## Replication

            ### Streaming

            Standbys receive WAL records over a streaming replication connection.

            ### Logical

            Logical decoding turns WAL into row changes for subscribers.
            """;

    @Autowired
    Indexer indexer;

    @Test
    void publishedPostIsChunkedByHeadingWithPathAnchorModelAndPremiumFlag() {
        UUID id = UUID.randomUUID();
        publishAndAwait(
                post(id, "wal-" + id, "WAL internals", MARKDOWN, true, "postgres-internals", List.of("postgres")));

        record Row(String path, String anchor, String model, boolean premium, String series) {}
        List<Row> rows = jdbc.sql("SELECT heading_path, anchor, model, premium, series_slug FROM chunk"
                        + " WHERE post_id = :id ORDER BY ordinal")
                .param("id", id)
                .query((rs, n) ->
                        new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)))
                .list();
        assertThat(rows)
                .extracting(Row::path)
                .containsExactly("", "Checkpoints", "Replication > Streaming", "Replication > Logical");
        assertThat(rows).extracting(Row::anchor).containsExactly(null, "checkpoints", "streaming", "logical");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.model()).isEqualTo("all-minilm-l6-v2-q");
            assertThat(r.premium()).isTrue();
            assertThat(r.series()).isEqualTo("postgres-internals");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM post_vector WHERE post_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void editReEmbedsOnlyTheChangedChunks() {
        UUID id = UUID.randomUUID();
        PostPublished p = post(id, "edit-" + id, "WAL internals", MARKDOWN, false, null, List.of("postgres"));
        publishAndAwait(p);
        long before = indexer.chunksEmbedded();
        String edited = MARKDOWN.replace("row changes for subscribers", "row changes for publication subscribers");
        publishToBus(id.toString(), updated(p, edited, 2));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM chunk WHERE post_id = :id AND content LIKE '%publication subscribers%'")
                                .param("id", id)
                                .query(Integer.class)
                                .single()
                        == 1);
        assertThat(indexer.chunksEmbedded() - before).isEqualTo(1);
        assertThat(chunkCount(id)).isEqualTo(4);

        // An older version arriving late changes nothing.
        long afterEdit = indexer.chunksEmbedded();
        indexer.upsert(new PostSnapshot(
                id,
                p.slug(),
                p.title(),
                p.excerpt(),
                p.authorId(),
                null,
                null,
                p.tags(),
                p.difficulty(),
                false,
                MARKDOWN,
                "old",
                1,
                Instant.now()));
        assertThat(indexer.chunksEmbedded()).isEqualTo(afterEdit);
    }

    @Test
    void unpublishedAndDeletedPostsLeaveTheIndex() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        publishAndAwait(post(a, "a-" + a, "A", MARKDOWN, false, null, List.of()));
        publishAndAwait(post(b, "b-" + b, "B", MARKDOWN, false, null, List.of()));
        publishToBus(a.toString(), new PostUnpublished(a, "a-" + a, Instant.now(), 2));
        publishToBus(b.toString(), new PostDeleted(b, "b-" + b, Instant.now(), 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> chunkCount(a) == 0 && chunkCount(b) == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM post WHERE id IN (:a, :b)")
                        .param("a", a)
                        .param("b", b)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    static PostUpdated updated(PostPublished p, String markdown, long version) {
        return new PostUpdated(
                p.postId(),
                p.slug(),
                null,
                p.title(),
                p.excerpt(),
                p.authorId(),
                p.authorName(),
                p.seriesId(),
                p.seriesSlug(),
                p.seriesPosition(),
                p.tags(),
                p.difficulty(),
                p.premium(),
                p.readingMinutes(),
                markdown,
                "h" + version,
                List.of("markdown"),
                Instant.now(),
                version);
    }
}
