package io.lectern.learning.bookmark;

import io.lectern.learning.paging.Cursors;
import io.lectern.learning.post.PostView;
import io.lectern.learning.post.Posts;
import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import io.lectern.learning.problem.LearningProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's bookmarks. Adding twice keeps the first; lists show only posts that are still published
 * (an unpublished post's bookmark stays and reappears if it is published again).
 */
@Component
class Bookmarks implements UserDataEraser, UserDataExporter {

    static final int MAX_STATUS_IDS = 100;

    private final JdbcClient jdbc;
    private final Posts posts;
    private final Cursors cursors;
    private final Clock clock;

    Bookmarks(JdbcClient jdbc, Posts posts, Cursors cursors, Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Transactional
    public BookmarkResponse add(UUID userId, UUID postId) {
        PostView post =
                posts.findVisible(postId).orElseThrow(() -> LearningProblem.unknown("postId", "Post " + postId));
        jdbc.sql(
                        "insert into bookmark (user_id, post_id, created_at) values (:user, :post, :now) on conflict do nothing")
                .param("user", userId)
                .param("post", postId)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        Instant at = jdbc.sql("select created_at from bookmark where user_id = :user and post_id = :post")
                .param("user", userId)
                .param("post", postId)
                .query(Timestamp.class)
                .single()
                .toInstant();
        return new BookmarkResponse(post.id(), post.slug(), post.title(), post.excerpt(), post.readingMinutes(), at);
    }

    @Transactional
    public boolean remove(UUID userId, UUID postId) {
        return jdbc.sql("delete from bookmark where user_id = :user and post_id = :post")
                        .param("user", userId)
                        .param("post", postId)
                        .update()
                > 0;
    }

    @Transactional(readOnly = true)
    public BookmarkPage page(UUID userId, @Nullable String cursor, int limit) {
        int size = cursors.limit(limit);
        Cursors.Position after = cursor == null || cursor.isBlank() ? null : cursors.decode(cursor);
        List<BookmarkResponse> rows = jdbc.sql("""
                        select b.post_id, p.slug, p.title, p.excerpt, p.reading_minutes, b.created_at
                        from bookmark b join post p on p.id = b.post_id
                        where b.user_id = :user and p.published and not p.deleted
                          and (cast(:afterAt as timestamptz) is null or (b.created_at, b.post_id) < (:afterAt, :afterId))
                        order by b.created_at desc, b.post_id desc
                        limit :limit
                        """)
                .param("user", userId)
                .param("afterAt", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? new UUID(0, 0) : after.id())
                .param("limit", size + 1)
                .query((rs, n) -> new BookmarkResponse(
                        rs.getObject("post_id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("excerpt"),
                        rs.getInt("reading_minutes"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (rows.size() <= size) {
            return new BookmarkPage(rows, null);
        }
        List<BookmarkResponse> page = rows.subList(0, size);
        BookmarkResponse last = page.getLast();
        return new BookmarkPage(List.copyOf(page), cursors.encode(last.bookmarkedAt(), last.postId()));
    }

    @Transactional(readOnly = true)
    public BookmarkStatusResponse status(UUID userId, List<UUID> postIds) {
        if (postIds.isEmpty() || postIds.size() > MAX_STATUS_IDS) {
            throw LearningProblem.invalidField("postIds", "Ask for 1 to " + MAX_STATUS_IDS + " post ids.");
        }
        Set<UUID> marked =
                Set.copyOf(jdbc.sql("select post_id from bookmark where user_id = :user and post_id = any(:ids)")
                        .param("user", userId)
                        .param("ids", postIds.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
        Map<UUID, Boolean> out = new LinkedHashMap<>();
        postIds.forEach(id -> out.put(id, marked.contains(id)));
        return new BookmarkStatusResponse(out);
    }

    @Override
    public void erase(UUID userId) {
        jdbc.sql("delete from bookmark where user_id = :user")
                .param("user", userId)
                .update();
    }

    @Override
    public String section() {
        return "bookmarks";
    }

    @Override
    public Object export(UUID userId) {
        return jdbc.sql("""
                        select b.post_id, p.title, b.created_at from bookmark b left join post p on p.id = b.post_id
                        where b.user_id = :user order by b.created_at
                        """)
                .param("user", userId)
                .query((rs, n) -> new ExportedBookmark(
                        rs.getObject("post_id", UUID.class),
                        rs.getString("title"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    record ExportedBookmark(UUID postId, @Nullable String title, Instant bookmarkedAt) {}
}
