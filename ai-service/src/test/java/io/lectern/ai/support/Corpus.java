package io.lectern.ai.support;

import io.lectern.ai.indexing.Indexer;
import io.lectern.ai.indexing.PostSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The fixed evaluation corpus (src/test/resources/corpus): 33 short technical posts, three of them
 * premium, and 69 questions, each with the slug of the post that answers it. Every corpus post carries
 * the tag {@code eval} so tests can restrict retrieval to it in a database other tests also write to.
 */
public final class Corpus {

    public static final String TAG = "eval";

    public record Post(
            UUID id, String slug, String title, String series, List<String> tags, boolean premium, String markdown) {}

    public record Question(String text, String slug) {}

    private Corpus() {}

    public static List<Post> posts() {
        List<Post> posts = new ArrayList<>();
        String[] blocks = read("/corpus/posts.md").split("(?m)^=== ");
        for (String block : blocks) {
            if (block.isBlank()) {
                continue;
            }
            int nl = block.indexOf('\n');
            String[] h = block.substring(0, nl).split("\\s*\\|\\s*");
            List<String> tags = new ArrayList<>(List.of(h[3].split(",")));
            tags.add(TAG);
            posts.add(new Post(
                    id(h[0]), h[0], h[1], h[2], tags, Boolean.parseBoolean(h[4].strip()), block.substring(nl + 1)));
        }
        return posts;
    }

    public static List<Question> questions() {
        return read("/corpus/questions.tsv")
                .lines()
                .filter(l -> !l.isBlank())
                .map(l -> l.split("\t"))
                .map(p -> new Question(p[0], p[1]))
                .toList();
    }

    public static UUID id(String slug) {
        return UUID.nameUUIDFromBytes(("corpus:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    public static Post post(String slug) {
        return posts().stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
    }

    /** Indexes every corpus post (idempotent: unchanged chunks keep their vectors). */
    public static synchronized void ensureIndexed(Indexer indexer) {
        for (Post p : posts()) {
            indexer.upsert(snapshot(p));
        }
    }

    public static PostSnapshot snapshot(Post p) {
        return new PostSnapshot(
                p.id(),
                p.slug(),
                p.title(),
                p.title(),
                UUID.fromString("00000000-0000-0000-0000-0000000000a1"),
                UUID.nameUUIDFromBytes(p.series().getBytes(StandardCharsets.UTF_8)),
                p.series(),
                p.tags(),
                "intermediate",
                p.premium(),
                p.markdown(),
                Integer.toHexString(p.markdown().hashCode()),
                1,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static Stream<Post> premiumPosts() {
        return posts().stream().filter(Post::premium);
    }

    private static String read(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
