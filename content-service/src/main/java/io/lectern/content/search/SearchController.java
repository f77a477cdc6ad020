package io.lectern.content.search;

import io.lectern.content.access.Caller;
import io.lectern.platform.web.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    SearchController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Hit(
            UUID id,
            String slug,
            String title,
            String excerpt,
            String snippet,
            boolean premium,
            float rank,
            Instant publishedAt) {}

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
        // The snippet is computed for the page only (ts_headline is the expensive part).
        String sql = """
                with q as (select websearch_to_tsquery('english', :q) as query),
                hits as (
                  select p.id, p.slug, p.title, p.excerpt, p.markdown, p.premium, p.published_at,
                    ts_rank_cd(%1$s, q.query, 32) as rank, q.query
                  from post p, q
                  where p.status = 'PUBLISHED' and %1$s @@ q.query
                    and (:tag::text is null or exists (select 1 from post_tag pt join tag t on t.id = pt.tag_id
                         where pt.post_id = p.id and t.slug = :tag))
                    and (:difficulty::text is null or p.difficulty = upper(:difficulty))
                  order by rank desc, p.published_at desc limit :limit)
                select id, slug, title, excerpt, premium, published_at, rank,
                  ts_headline('english', case when premium and not :full then excerpt else excerpt || ' ' || markdown end,
                    query, 'MaxFragments=2, MaxWords=30, MinWords=10, StartSel=<mark>, StopSel=</mark>') as snippet
                from hits order by rank desc, published_at desc
                """.formatted(vector);
        List<Hit> hits = jdbc.sql(sql)
                .param("q", query)
                .param("tag", tag)
                .param("difficulty", difficulty)
                .param("limit", Math.max(1, Math.min(limit, 50)))
                .param("full", full)
                .query((rs, n) -> new Hit(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("excerpt"),
                        escapeExceptMarks(rs.getString("snippet")),
                        rs.getBoolean("premium"),
                        rs.getFloat("rank"),
                        rs.getObject("published_at", OffsetDateTime.class).toInstant()))
                .list();
        return new Results(query, hits);
    }

    /** Snippets come from Markdown source: escape everything, then restore only our highlight tags. */
    private static String escapeExceptMarks(String snippet) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(snippet)
                .replace("&lt;mark&gt;", "<mark>")
                .replace("&lt;/mark&gt;", "</mark>");
    }
}
