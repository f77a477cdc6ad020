package io.lectern.learning.note;

import io.lectern.learning.paging.Cursors;
import io.lectern.learning.post.Posts;
import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import io.lectern.learning.problem.LearningProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Private study notes: per post, optionally anchored; listed, searched (full text) and exported as Markdown. */
@Component
class StudyNotes implements UserDataEraser, UserDataExporter {

    private static final Pattern ANCHOR = Pattern.compile("[A-Za-z0-9_.:-]{1,200}");
    private static final int MAX_QUERY = 200;

    private static final String SELECT = """
            select n.id, n.post_id, p.title, p.slug, n.anchor, n.body, n.created_at, n.updated_at
            from study_note n left join post p on p.id = n.post_id
            """;

    private final JdbcClient jdbc;
    private final Posts posts;
    private final Cursors cursors;
    private final NoteProperties props;
    private final Clock clock;

    StudyNotes(JdbcClient jdbc, Posts posts, Cursors cursors, NoteProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.cursors = cursors;
        this.props = props;
        this.clock = clock;
    }

    @Transactional
    public NoteResponse create(UUID userId, NoteRequest request) {
        if (request.postId() == null) {
            throw LearningProblem.invalidField("postId", "postId is required.");
        }
        String body = validBody(request.body());
        String anchor = validAnchor(request.anchor());
        posts.findVisible(request.postId())
                .orElseThrow(() -> LearningProblem.unknown("postId", "Post " + request.postId()));
        long held = jdbc.sql("select count(*) from study_note where user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        if (held >= props.maxPerUser()) {
            throw LearningProblem.conflict("too-many-notes", "You already keep " + props.maxPerUser() + " notes.")
                    .with("field", "body");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into study_note (id, user_id, post_id, anchor, body, created_at, updated_at)
                        values (:id, :user, :post, :anchor, :body, :now, :now)
                        """)
                .param("id", id)
                .param("user", userId)
                .param("post", request.postId())
                .param("anchor", anchor)
                .param("body", body)
                .param("now", Timestamp.from(now))
                .update();
        return find(userId, id);
    }

    @Transactional
    public NoteResponse edit(UUID userId, UUID noteId, NoteRequest request) {
        String body = validBody(request.body());
        String anchor = validAnchor(request.anchor());
        int changed = jdbc.sql("""
                        update study_note set body = :body, anchor = :anchor, updated_at = :now
                        where id = :id and user_id = :user
                        """)
                .param("body", body)
                .param("anchor", anchor)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", noteId)
                .param("user", userId)
                .update();
        if (changed == 0) {
            throw LearningProblem.unknown("noteId", "Note " + noteId);
        }
        return find(userId, noteId);
    }

    @Transactional
    public void delete(UUID userId, UUID noteId) {
        int removed = jdbc.sql("delete from study_note where id = :id and user_id = :user")
                .param("id", noteId)
                .param("user", userId)
                .update();
        if (removed == 0) {
            throw LearningProblem.unknown("noteId", "Note " + noteId);
        }
    }

    @Transactional(readOnly = true)
    public NoteResponse find(UUID userId, UUID noteId) {
        return jdbc.sql(SELECT + " where n.id = :id and n.user_id = :user")
                .param("id", noteId)
                .param("user", userId)
                .query(StudyNotes::response)
                .optional()
                .orElseThrow(() -> LearningProblem.unknown("noteId", "Note " + noteId));
    }

    /** The user's notes, optionally of one post and/or matching a full-text query, newest edit first. */
    @Transactional(readOnly = true)
    public NotePage list(
            UUID userId, @Nullable UUID postId, @Nullable String query, @Nullable String cursor, int limit) {
        int size = cursors.limit(limit);
        Cursors.Position after = cursor == null || cursor.isBlank() ? null : cursors.decode(cursor);
        String q = query == null || query.isBlank() ? null : query.strip();
        if (q != null && q.length() > MAX_QUERY) {
            throw LearningProblem.invalidField("q", "q must be at most " + MAX_QUERY + " characters.");
        }
        List<NoteResponse> rows = jdbc.sql(SELECT + """
                         where n.user_id = :user
                          and (cast(:post as uuid) is null or n.post_id = :post)
                          and (cast(:q as text) is null or n.search @@ websearch_to_tsquery('simple', :q) or n.body ilike '%' || :like || '%' escape '\\')
                          and (cast(:afterAt as timestamptz) is null or (n.updated_at, n.id) < (:afterAt, :afterId))
                        order by n.updated_at desc, n.id desc
                        limit :limit
                        """)
                .param("user", userId)
                .param("post", postId)
                .param("q", q)
                .param(
                        "like",
                        q == null
                                ? ""
                                : q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
                .param("afterAt", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? new UUID(0, 0) : after.id())
                .param("limit", size + 1)
                .query(StudyNotes::response)
                .list();
        if (rows.size() <= size) {
            return new NotePage(rows, null);
        }
        List<NoteResponse> page = List.copyOf(rows.subList(0, size));
        NoteResponse last = page.getLast();
        return new NotePage(page, cursors.encode(last.updatedAt(), last.id()));
    }

    /** Every note as one Markdown document, grouped by post (post order: first note's creation). */
    @Transactional(readOnly = true)
    public String markdown(UUID userId) {
        List<NoteResponse> all = jdbc.sql(SELECT + " where n.user_id = :user order by n.post_id, n.created_at")
                .param("user", userId)
                .query(StudyNotes::response)
                .list();
        StringBuilder md = new StringBuilder("# My study notes\n");
        UUID current = null;
        for (NoteResponse n : all) {
            if (!n.postId().equals(current)) {
                current = n.postId();
                String title = n.postTitle() == null ? "Post " + n.postId() : n.postTitle();
                md.append("\n## ").append(title.replace("\n", " ")).append("\n");
            }
            md.append("\n");
            if (n.anchor() != null) {
                md.append("*At `").append(n.anchor()).append("`*\n\n");
            }
            md.append(n.body().strip()).append("\n");
        }
        return md.toString();
    }

    @Override
    public void erase(UUID userId) {
        jdbc.sql("delete from study_note where user_id = :user")
                .param("user", userId)
                .update();
    }

    @Override
    public String section() {
        return "notes";
    }

    @Override
    public Object export(UUID userId) {
        return jdbc.sql(SELECT + " where n.user_id = :user order by n.created_at")
                .param("user", userId)
                .query(StudyNotes::response)
                .list();
    }

    private String validBody(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw LearningProblem.invalidField("body", "body must not be empty.");
        }
        if (body.length() > props.maxChars()) {
            throw LearningProblem.tooLarge("body", props.maxChars());
        }
        return body;
    }

    private static @Nullable String validAnchor(@Nullable String anchor) {
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (!ANCHOR.matcher(anchor).matches()) {
            throw LearningProblem.invalidField(
                    "anchor", "anchor must be a heading or paragraph id: 1-200 of A-Z a-z 0-9 _ . : -");
        }
        return anchor;
    }

    private static NoteResponse response(ResultSet rs, int n) throws SQLException {
        return new NoteResponse(
                rs.getObject("id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getString("title"),
                rs.getString("slug"),
                rs.getString("anchor"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
