package io.lectern.content.post;

import io.lectern.content.slug.Slugs;
import io.lectern.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for posts, their tags, revisions and search vectors. */
@Repository
class PostStore {

    /** Every column a {@link PostRow} holds; never the search vectors (large, and only search reads them). */
    private static final String SELECT = """
            select p.id, p.slug, p.title, p.markdown, p.html, p.excerpt, p.status, p.difficulty, p.premium,
              p.reading_minutes, p.author_id, p.author_name, p.series_id, p.series_position, p.meta_title,
              p.meta_description, p.canonical_url, p.social_image_url, p.scheduled_at, p.published_at,
              p.created_at, p.updated_at, p.version, s.slug as series_slug, s.title as series_title
            from post p left join series s on s.id = p.series_id
            """;

    private final JdbcClient jdbc;

    PostStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static @Nullable OffsetDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static PostRow map(ResultSet rs, int n) throws SQLException {
        Integer position = rs.getObject("series_position", Integer.class);
        return new PostRow(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("markdown"),
                rs.getString("html"),
                rs.getString("excerpt"),
                PostStatus.valueOf(rs.getString("status")),
                Difficulty.valueOf(rs.getString("difficulty")),
                rs.getBoolean("premium"),
                rs.getInt("reading_minutes"),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                rs.getObject("series_id", UUID.class),
                rs.getString("series_slug"),
                rs.getString("series_title"),
                position,
                rs.getString("meta_title"),
                rs.getString("meta_description"),
                rs.getString("canonical_url"),
                rs.getString("social_image_url"),
                instant(rs, "scheduled_at"),
                instant(rs, "published_at"),
                java.util.Objects.requireNonNull(instant(rs, "created_at")),
                java.util.Objects.requireNonNull(instant(rs, "updated_at")),
                rs.getLong("version"),
                List.of());
    }

    Optional<PostRow> byId(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .query(PostStore::map)
                .optional()
                .map(this::withTags);
    }

    Optional<PostRow> byIdForUpdate(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id for update of p")
                .param("id", id)
                .query(PostStore::map)
                .optional()
                .map(this::withTags);
    }

    Optional<PostRow> bySlug(String slug) {
        return jdbc.sql(SELECT + " where p.slug = :slug")
                .param("slug", slug)
                .query(PostStore::map)
                .optional()
                .map(this::withTags);
    }

    boolean slugTaken(String slug, @Nullable UUID except) {
        return jdbc.sql("select exists (select 1 from post where slug = :slug and id is distinct from :id)")
                .param("slug", slug)
                .param("id", except)
                .query(Boolean.class)
                .single();
    }

    private PostRow withTags(PostRow row) {
        return row.withTags(tagsOf(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    Map<UUID, List<PostRow.TagRef>> tagsOf(Collection<UUID> postIds) {
        Map<UUID, List<PostRow.TagRef>> out = new HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select pt.post_id, t.slug, t.name from post_tag pt join tag t on t.id = pt.tag_id
                        where pt.post_id in (:ids) order by t.slug
                        """).param("ids", postIds).query(rs -> {
            out.computeIfAbsent(rs.getObject("post_id", UUID.class), k -> new ArrayList<>())
                    .add(new PostRow.TagRef(rs.getString("slug"), rs.getString("name")));
        });
        return out;
    }

    void insert(PostRow p) {
        jdbc.sql("""
                        insert into post (id, slug, title, markdown, html, excerpt, status, difficulty, premium,
                          reading_minutes, author_id, author_name, series_id, series_position, meta_title,
                          meta_description, canonical_url, social_image_url, scheduled_at, published_at,
                          created_at, updated_at, version)
                        values (:id, :slug, :title, :markdown, :html, :excerpt, :status, :difficulty, :premium,
                          :readingMinutes, :authorId, :authorName, :seriesId, :seriesPosition, :metaTitle,
                          :metaDescription, :canonicalUrl, :socialImageUrl, :scheduledAt, :publishedAt,
                          :createdAt, :updatedAt, :version)
                        """).params(params(p)).update();
    }

    /** Writes every mutable column if the stored version is still {@code expectedVersion}. */
    void update(PostRow p, long expectedVersion) {
        Map<String, Object> params = params(p);
        params.put("expected", expectedVersion);
        int rows = jdbc.sql("""
                        update post set slug = :slug, title = :title, markdown = :markdown, html = :html,
                          excerpt = :excerpt, status = :status, difficulty = :difficulty, premium = :premium,
                          reading_minutes = :readingMinutes, author_name = :authorName, series_id = :seriesId,
                          series_position = :seriesPosition, meta_title = :metaTitle,
                          meta_description = :metaDescription, canonical_url = :canonicalUrl,
                          social_image_url = :socialImageUrl, scheduled_at = :scheduledAt,
                          published_at = :publishedAt, updated_at = :updatedAt, version = :version
                        where id = :id and version = :expected
                        """).params(params).update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("post " + p.id() + " changed concurrently");
        }
    }

    private static Map<String, Object> params(PostRow p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.id());
        m.put("slug", p.slug());
        m.put("title", p.title());
        m.put("markdown", p.markdown());
        m.put("html", p.html());
        m.put("excerpt", p.excerpt());
        m.put("status", p.status().name());
        m.put("difficulty", p.difficulty().name());
        m.put("premium", p.premium());
        m.put("readingMinutes", p.readingMinutes());
        m.put("authorId", p.authorId());
        m.put("authorName", p.authorName());
        m.put("seriesId", p.seriesId());
        m.put("seriesPosition", p.seriesPosition());
        m.put("metaTitle", p.metaTitle());
        m.put("metaDescription", p.metaDescription());
        m.put("canonicalUrl", p.canonicalUrl());
        m.put("socialImageUrl", p.socialImageUrl());
        m.put("scheduledAt", ts(p.scheduledAt()));
        m.put("publishedAt", ts(p.publishedAt()));
        m.put("createdAt", ts(p.createdAt()));
        m.put("updatedAt", ts(p.updatedAt()));
        m.put("version", p.version());
        return m;
    }

    void delete(UUID id) {
        jdbc.sql("delete from post where id = :id").param("id", id).update();
    }

    /** Replaces the post's tags, creating tags that do not exist yet (by slug of the given name). */
    void setTags(UUID postId, List<String> names) {
        jdbc.sql("delete from post_tag where post_id = :id").param("id", postId).update();
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (String name : names) {
            bySlug.putIfAbsent(Slugs.fromTitle(name), name.trim());
        }
        for (Map.Entry<String, String> tag : bySlug.entrySet()) {
            jdbc.sql("insert into tag (id, slug, name) values (:id, :slug, :name) on conflict (slug) do nothing")
                    .param("id", UUID.randomUUID())
                    .param("slug", tag.getKey())
                    .param("name", tag.getValue())
                    .update();
            jdbc.sql("""
                            insert into post_tag (post_id, tag_id) select :post, id from tag where slug = :slug
                            on conflict do nothing
                            """).param("post", postId).param("slug", tag.getKey()).update();
        }
    }

    boolean seriesExists(UUID seriesId) {
        return jdbc.sql("select exists (select 1 from series where id = :id)")
                .param("id", seriesId)
                .query(Boolean.class)
                .single();
    }

    @Nullable
    String authorName(UUID userId) {
        return jdbc.sql("select display_name from author_profile where user_id = :id and not deleted")
                .param("id", userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /**
     * Copies the posts' tag words into {@code search_tags}; the search vectors are generated columns
     * derived from it (and from title, excerpt, body and the premium flag) by PostgreSQL.
     */
    void refreshSearch(Collection<UUID> postIds) {
        if (postIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update post p set search_tags = coalesce((
                          select string_agg(t.name || ' ' || replace(t.slug, '-', ' '), ' ' order by t.slug)
                          from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = p.id), '')
                        where p.id in (:ids)
                        """).param("ids", postIds).update();
    }

    void addRevision(UUID postId, String title, String markdown, UUID by) {
        jdbc.sql("""
                        insert into post_revision (post_id, revision, title, markdown, created_by)
                        select :id, coalesce(max(revision), 0) + 1, :title, :markdown, :by
                        from post_revision where post_id = :id
                        """)
                .param("id", postId)
                .param("title", title)
                .param("markdown", markdown)
                .param("by", by)
                .update();
    }

    List<RevisionResponse> revisions(UUID postId) {
        return jdbc.sql("""
                        select revision, title, created_by, created_at, length(markdown) as chars
                        from post_revision where post_id = :id order by revision desc
                        """)
                .param("id", postId)
                .query((rs, n) -> new RevisionResponse(
                        rs.getInt("revision"),
                        rs.getString("title"),
                        rs.getObject("created_by", UUID.class),
                        java.util.Objects.requireNonNull(instant(rs, "created_at")),
                        rs.getInt("chars")))
                .list();
    }

    Optional<Revision> revision(UUID postId, int revision) {
        return jdbc.sql("select title, markdown from post_revision where post_id = :id and revision = :rev")
                .param("id", postId)
                .param("rev", revision)
                .query((rs, n) -> new Revision(rs.getString("title"), rs.getString("markdown")))
                .optional();
    }

    record Revision(String title, String markdown) {}

    /** Ids of scheduled posts whose time has come, locked so two publishers never take the same one. */
    List<UUID> dueForPublication(int limit) {
        return jdbc.sql("""
                        select id from post where status = 'SCHEDULED' and scheduled_at <= now()
                        order by scheduled_at limit :limit for update skip locked
                        """).param("limit", limit).query(UUID.class).list();
    }

    List<PostRow> list(PostFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(LIST_SELECT).append(" where true");
        Map<String, Object> params = new HashMap<>();
        String sortColumn = filter.publicView() ? "p.published_at" : "p.created_at";
        if (filter.publicView()) {
            sql.append(" and p.status = 'PUBLISHED'");
        } else if (filter.status() != null) {
            sql.append(" and p.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.tag() != null) {
            sql.append(
                    " and exists (select 1 from post_tag pt join tag t on t.id = pt.tag_id where pt.post_id = p.id and t.slug = :tag)");
            params.put("tag", filter.tag());
        }
        if (filter.series() != null) {
            sql.append(" and s.slug = :series");
            params.put("series", filter.series());
        }
        if (filter.difficulty() != null) {
            sql.append(" and p.difficulty = :difficulty");
            params.put("difficulty", filter.difficulty().name());
        }
        if (filter.author() != null) {
            sql.append(" and p.author_id = :author");
            params.put("author", filter.author());
        }
        if (filter.premium() != null) {
            sql.append(" and p.premium = :premium");
            params.put("premium", filter.premium());
        }
        if (filter.cursor() != null) {
            sql.append(" and (").append(sortColumn).append(", p.id) < (:cursorAt, :cursorId)");
            params.put("cursorAt", ts(filter.cursor().at()));
            params.put("cursorId", filter.cursor().id());
        }
        sql.append(" order by ").append(sortColumn).append(" desc, p.id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(PostStore::mapListed)
                .list();
    }

    /**
     * Lists never carry bodies: the columns a summary shows, tags aggregated in the same statement
     * (one round trip per page). Markdown and HTML are not read (they are most of a row's bytes).
     */
    private static final String LIST_SELECT = """
            select p.id, p.slug, p.title, p.excerpt, p.status, p.difficulty, p.premium, p.reading_minutes,
              p.author_id, p.author_name, p.series_id, p.series_position, p.meta_title, p.meta_description,
              p.canonical_url, p.social_image_url, p.scheduled_at, p.published_at, p.created_at, p.updated_at,
              p.version, s.slug as series_slug, s.title as series_title,
              array(select t.slug from post_tag pt join tag t on t.id = pt.tag_id
                    where pt.post_id = p.id order by t.slug) as tag_slugs,
              array(select t.name from post_tag pt join tag t on t.id = pt.tag_id
                    where pt.post_id = p.id order by t.slug) as tag_names
            from post p left join series s on s.id = p.series_id
            """;

    private static PostRow mapListed(ResultSet rs, int n) throws SQLException {
        return new PostRow(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                "",
                "",
                rs.getString("excerpt"),
                PostStatus.valueOf(rs.getString("status")),
                Difficulty.valueOf(rs.getString("difficulty")),
                rs.getBoolean("premium"),
                rs.getInt("reading_minutes"),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                rs.getObject("series_id", UUID.class),
                rs.getString("series_slug"),
                rs.getString("series_title"),
                rs.getObject("series_position", Integer.class),
                rs.getString("meta_title"),
                rs.getString("meta_description"),
                rs.getString("canonical_url"),
                rs.getString("social_image_url"),
                instant(rs, "scheduled_at"),
                instant(rs, "published_at"),
                java.util.Objects.requireNonNull(instant(rs, "created_at")),
                java.util.Objects.requireNonNull(instant(rs, "updated_at")),
                rs.getLong("version"),
                tags(rs));
    }

    private static List<PostRow.TagRef> tags(ResultSet rs) throws SQLException {
        String[] slugs = (String[]) rs.getArray("tag_slugs").getArray();
        String[] names = (String[]) rs.getArray("tag_names").getArray();
        List<PostRow.TagRef> out = new ArrayList<>(slugs.length);
        for (int i = 0; i < slugs.length; i++) {
            out.add(new PostRow.TagRef(slugs[i], names[i]));
        }
        return List.copyOf(out);
    }

    /**
     * A published post as readers get it, in one statement: the columns the answer shows (not the
     * Markdown source, not the search vectors), its tags, its series and both series neighbours.
     */
    Optional<PublishedPost> published(String slug) {
        return jdbc.sql("""
                        select p.id, p.slug, p.title, p.html, p.excerpt, p.difficulty, p.premium, p.reading_minutes,
                          p.author_id, p.author_name, p.series_id, p.series_position, p.meta_title,
                          p.meta_description, p.canonical_url, p.social_image_url, p.published_at, p.updated_at,
                          s.slug as series_slug, s.title as series_title,
                          array(select t.slug from post_tag pt join tag t on t.id = pt.tag_id
                                where pt.post_id = p.id order by t.slug) as tag_slugs,
                          array(select t.name from post_tag pt join tag t on t.id = pt.tag_id
                                where pt.post_id = p.id order by t.slug) as tag_names,
                          prev.slug as prev_slug, prev.title as prev_title, next.slug as next_slug, next.title as next_title
                        from post p
                        left join series s on s.id = p.series_id
                        left join lateral (
                          select slug, title from post n where n.series_id = p.series_id and n.status = 'PUBLISHED'
                            and n.series_position < p.series_position
                          order by n.series_position desc, n.published_at desc limit 1) prev on true
                        left join lateral (
                          select slug, title from post n where n.series_id = p.series_id and n.status = 'PUBLISHED'
                            and n.series_position > p.series_position
                          order by n.series_position, n.published_at limit 1) next on true
                        where p.slug = :slug and p.status = 'PUBLISHED'
                        """)
                .param("slug", slug)
                .query((rs, n) -> new PublishedPost(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("html"),
                        rs.getString("excerpt"),
                        Difficulty.valueOf(rs.getString("difficulty")),
                        rs.getBoolean("premium"),
                        rs.getInt("reading_minutes"),
                        rs.getObject("author_id", UUID.class),
                        rs.getString("author_name"),
                        tags(rs),
                        rs.getObject("series_id", UUID.class),
                        rs.getString("series_slug"),
                        rs.getString("series_title"),
                        rs.getObject("series_position", Integer.class),
                        link(rs.getString("prev_slug"), rs.getString("prev_title")),
                        link(rs.getString("next_slug"), rs.getString("next_title")),
                        new PostResponse.Seo(
                                java.util.Objects.requireNonNullElse(rs.getString("meta_title"), rs.getString("title")),
                                java.util.Objects.requireNonNullElse(
                                        rs.getString("meta_description"), rs.getString("excerpt")),
                                rs.getString("canonical_url"),
                                rs.getString("social_image_url")),
                        instant(rs, "published_at"),
                        java.util.Objects.requireNonNull(instant(rs, "updated_at"))))
                .optional();
    }

    private static PostResponse.@Nullable PostLink link(@Nullable String slug, @Nullable String title) {
        return slug == null || title == null ? null : new PostResponse.PostLink(slug, title);
    }

    /** What {@link #published(String)} reads. */
    record PublishedPost(
            UUID id,
            String slug,
            String title,
            String html,
            String excerpt,
            Difficulty difficulty,
            boolean premium,
            int readingMinutes,
            UUID authorId,
            String authorName,
            List<PostRow.TagRef> tags,
            @Nullable UUID seriesId,
            @Nullable String seriesSlug,
            @Nullable String seriesTitle,
            @Nullable Integer seriesPosition,
            PostResponse.@Nullable PostLink previous,
            PostResponse.@Nullable PostLink next,
            PostResponse.Seo seo,
            @Nullable Instant publishedAt,
            Instant updatedAt) {}

    /** All posts in creation order, a page at a time (keyset), for exports that must not hold every post in memory. */
    List<PostRow> allAfter(@Nullable Cursor after, int limit) {
        List<PostRow> rows = jdbc.sql(SELECT + """
                         where (:at::timestamptz is null or (p.created_at, p.id) > (:at, :id))
                        order by p.created_at, p.id limit :limit
                        """)
                .param("at", after == null ? null : ts(after.at()))
                .param("id", after == null ? null : after.id())
                .param("limit", limit)
                .query(PostStore::map)
                .list();
        Map<UUID, List<PostRow.TagRef>> tags =
                tagsOf(rows.stream().map(PostRow::id).toList());
        return rows.stream()
                .map(r -> r.withTags(tags.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /** Where a page ends: the sort key of its last row, opaque to clients. */
    record Cursor(Instant at, UUID id) {

        String encode() {
            String raw = at.toEpochMilli() * 1000 + (at.getNano() / 1000) % 1000 + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", 2);
                long micros = Long.parseLong(parts[0]);
                Instant at = Instant.ofEpochSecond(
                        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
                return new Cursor(at, UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.badRequest("The cursor is not one this API returned.")
                        .with("field", "cursor");
            }
        }
    }

    record PostFilter(
            boolean publicView,
            @Nullable PostStatus status,
            @Nullable String tag,
            @Nullable String series,
            @Nullable Difficulty difficulty,
            @Nullable UUID author,
            @Nullable Boolean premium,
            @Nullable Cursor cursor) {}
}
