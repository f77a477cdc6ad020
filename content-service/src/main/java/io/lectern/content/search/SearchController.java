package io.lectern.content.search;

import io.lectern.content.access.Caller;
import io.lectern.platform.web.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Full-text search over published posts: title (weight A), tags and excerpt (B), body (C), English
 * stemming, websearch syntax ("quoted phrases", -exclusions, or). Readers without premium search a
 * premium post's title, tags and excerpt only, and its snippet is taken from the excerpt.
 */
@RestController
class SearchController {

    /**
     * How many matches are ranked on their whole vector. A query matching more posts than this ranks
     * the best title/tag/excerpt matches and then the most recent body matches (ADR 0034).
     */
    static final int RANK_WINDOW = 100;

    /**
     * Snippets are cut from the excerpt and the first this-many characters of the body (ADR 0034), in
     * this service rather than by PostgreSQL's ts_headline (ADR 0037).
     */
    static final int SNIPPET_SOURCE_CHARS = 2000;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    SearchController(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    record Hit(
            UUID id,
            String slug,
            String title,
            String excerpt,
            String snippet,
            boolean premium,
            float rank,
            Instant publishedAt) {

        Hit withSnippet(String cut) {
            return new Hit(id, slug, title, excerpt, cut, premium, rank, publishedAt);
        }
    }

    record Results(String query, List<Hit> items) {}

    @GetMapping("/api/v1/search")
    Results search(
            @RequestParam String q,
            @RequestParam @Nullable String tag,
            @RequestParam @Nullable String difficulty,
            @RequestParam(defaultValue = "20") int limit) {
        String query = q.strip();
        if (query.isEmpty() || query.length() > 200) {
            throw ProblemException.badRequest("q must have 1 to 200 characters.")
                    .with("field", "q");
        }
        boolean full = Caller.premiumOrStaff(Caller.current());
        String vector = full ? "p.search_all" : "p.search_public";
        // 1. candidates (ADR 0036): the best title/tag/excerpt matches (GIN index on the small head
        //    vector, ranked on it) and the most recent matches of the whole vector (the published-at
        //    index walked newest first until the window is full), each at most RANK_WINDOW; of their
        //    union the first RANK_WINDOW by head rank, then recency. That is exactly the window ADR 0034
        //    defined (head matches best first, then the most recent body-only matches), without
        //    testing and ranking every match of a common word. When the head alone fills the window the
        //    newest matches cannot enter it (a post whose head does not match ranks 0 there), so they are
        //    not looked for (ADR 0037);
        // 2. only those are ranked on the whole (toasted) vector, body included;
        // 3. for the returned page only, the snippet's source (the excerpt and the start of the body) and
        //    the query as PostgreSQL parsed it; the snippets are cut here, after the transaction
        //    (ADR 0037: ts_headline was over a third of the statement's time).
        String filters = """
                  and (:tag::text is null or exists (select 1 from post_tag pt join tag t on t.id = pt.tag_id
                       where pt.post_id = p.id and t.slug = :tag))
                  and (:difficulty::text is null or p.difficulty = upper(:difficulty))""";
        String sql = """
                with head as (
                  select p.id from post p
                  where p.status = 'PUBLISHED' and p.search_head @@ websearch_to_tsquery('english', :q)%2$s
                  order by ts_rank_cd(p.search_head, websearch_to_tsquery('english', :q), 32) desc,
                    p.published_at desc, p.id desc
                  limit :window),
                recent as (
                  select p.id from post p
                  where p.status = 'PUBLISHED' and %1$s @@ websearch_to_tsquery('english', :q)%2$s
                    and (select count(*) from head) < :window
                  order by p.published_at desc, p.id desc
                  limit :window),
                candidates as (
                  select p.id, p.published_at from post p
                  where p.id in (select id from head union select id from recent)
                  order by ts_rank_cd(p.search_head, websearch_to_tsquery('english', :q), 32) desc,
                    p.published_at desc, p.id desc
                  limit :window),
                hits as (
                  select c.id, c.published_at,
                    ts_rank_cd(%1$s, websearch_to_tsquery('english', :q), 32) as rank
                  from candidates c join post p on p.id = c.id
                  order by rank desc, c.published_at desc, c.id desc limit :limit)
                select p.id, p.slug, p.title, p.excerpt, p.premium, h.published_at, h.rank,
                  case when p.premium and not :full then p.excerpt
                       else p.excerpt || ' ' || left(p.markdown, :snippetSource) end as snippet_source,
                  websearch_to_tsquery('english', :q)::text as tsquery
                from hits h join post p on p.id = h.id
                order by h.rank desc, h.published_at desc, h.id desc
                """.formatted(vector, filters);
        // A plan for this query's words, every time: after a few executions PostgreSQL may reuse a
        // generic plan of the prepared statement, which cannot know that a common word should walk the
        // published-at index for the newest matches (ADR 0036: 2x slower for such words).
        List<Row> rows = readOnly.execute(status -> {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            return jdbc.sql(sql)
                    .param("q", query)
                    .param("tag", tag)
                    .param("difficulty", difficulty)
                    .param("limit", Math.max(1, Math.min(limit, 50)))
                    .param("full", full)
                    .param("window", RANK_WINDOW)
                    .param("snippetSource", SNIPPET_SOURCE_CHARS)
                    .query((rs, n) -> new Row(
                            new Hit(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("slug"),
                                    rs.getString("title"),
                                    rs.getString("excerpt"),
                                    "",
                                    rs.getBoolean("premium"),
                                    rs.getFloat("rank"),
                                    rs.getObject("published_at", OffsetDateTime.class)
                                            .toInstant()),
                            rs.getString("snippet_source"),
                            rs.getString("tsquery")))
                    .list();
        });
        if (rows.isEmpty()) {
            return new Results(query, List.of());
        }
        Snippets.Query words =
                new Snippets.Query(Snippets.positiveLexemes(rows.get(0).tsquery()));
        List<Hit> hits = rows.stream()
                .map(r -> r.hit().withSnippet(Snippets.snippet(r.snippetSource(), words)))
                .toList();
        return new Results(query, hits);
    }

    /** A hit as the statement returns it, before its snippet is cut. */
    private record Row(Hit hit, String snippetSource, String tsquery) {}
}
