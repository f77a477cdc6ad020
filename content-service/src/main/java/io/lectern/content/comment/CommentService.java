package io.lectern.content.comment;

import io.lectern.content.access.Caller;
import io.lectern.contracts.events.content.CommentApproved;
import io.lectern.contracts.events.content.CommentCreated;
import io.lectern.eventbus.EventPublisher;
import io.lectern.platform.web.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Comments on published posts. Bodies are plain text, shown escaped; a user's first comment waits for
 * a moderator, later ones appear at once.
 */
@Service
public class CommentService {

    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final CommentProperties props;

    CommentService(JdbcClient jdbc, EventPublisher events, CommentProperties props) {
        this.jdbc = jdbc;
        this.events = events;
        this.props = props;
    }

    enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    record CommentRow(
            UUID id,
            UUID postId,
            @Nullable UUID parentId,
            @Nullable UUID authorId,
            String authorName,
            String body,
            Status status,
            boolean deleted,
            Instant createdAt,
            Instant updatedAt) {}

    record PostRef(UUID id, String slug, String title, boolean published) {}

    private static CommentRow map(ResultSet rs, int n) throws SQLException {
        return new CommentRow(
                rs.getObject("id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("author_id", UUID.class),
                rs.getString("author_name"),
                rs.getString("body"),
                Status.valueOf(rs.getString("status")),
                rs.getBoolean("deleted"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static CommentResponse response(CommentRow c, List<CommentResponse> replies) {
        String body = c.deleted() ? "" : c.body();
        return new CommentResponse(
                c.id(),
                c.parentId(),
                c.deleted() ? null : c.authorId(),
                c.deleted() ? "[deleted]" : c.authorName(),
                body,
                HtmlUtils.htmlEscape(body).replace("\n", "<br>"),
                c.status().name(),
                c.deleted(),
                c.createdAt(),
                c.updatedAt(),
                replies);
    }

    private PostRef post(String slug) {
        return jdbc.sql("select id, slug, title, status from post where slug = :slug")
                .param("slug", slug)
                .query((rs, n) -> new PostRef(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("status").equals("PUBLISHED")))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Post '" + slug + "'"));
    }

    private PostRef publishedPost(String slug) {
        PostRef post = post(slug);
        if (!post.published()) {
            throw ProblemException.unprocessable("Comments are only possible on published posts.");
        }
        return post;
    }

    /** The approved comments of a published post as a tree; deleted ones remain as placeholders only if answered. */
    List<CommentResponse> tree(String slug) {
        PostRef post = post(slug);
        if (!post.published()) {
            throw ProblemException.notFound("Post '" + slug + "'");
        }
        List<CommentRow> rows = jdbc.sql(
                        "select * from comment where post_id = :id and status = 'APPROVED' order by created_at, id")
                .param("id", post.id())
                .query(CommentService::map)
                .list();
        Map<UUID, List<CommentRow>> children = new LinkedHashMap<>();
        List<CommentRow> roots = new ArrayList<>();
        for (CommentRow row : rows) {
            if (row.parentId() == null) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            }
        }
        return build(roots, children);
    }

    private List<CommentResponse> build(List<CommentRow> level, Map<UUID, List<CommentRow>> children) {
        List<CommentResponse> out = new ArrayList<>();
        for (CommentRow row : level) {
            List<CommentResponse> replies = build(children.getOrDefault(row.id(), List.of()), children);
            if (row.deleted() && replies.isEmpty()) {
                continue;
            }
            out.add(response(row, replies));
        }
        return out;
    }

    /**
     * Comment events use the post id as their aggregate id; holding the post row until commit makes
     * their outbox order the commit order (two concurrent comments would otherwise take outbox
     * sequence numbers in one order and commit in the other). NO KEY UPDATE leaves inserts that only
     * reference the post free.
     */
    private void lockPostForEvents(UUID postId) {
        jdbc.sql("select id from post where id = :id for no key update")
                .param("id", postId)
                .query(UUID.class)
                .optional();
    }

    @Transactional
    CommentRow create(String slug, CommentRequest request, Caller caller) {
        PostRef post = publishedPost(slug);
        lockPostForEvents(post.id());
        String body = checkedBody(request.body());
        CommentRow parent = null;
        if (request.parentId() != null) {
            parent = jdbc.sql("select * from comment where id = :id")
                    .param("id", request.parentId())
                    .query(CommentService::map)
                    .optional()
                    .filter(p -> p.postId().equals(post.id()) && p.status() == Status.APPROVED && !p.deleted())
                    .orElseThrow(
                            () -> ProblemException.unprocessable("The comment to reply to does not exist on this post.")
                                    .with("field", "parentId"));
            if (depth(parent.id()) >= props.maxDepth()) {
                throw ProblemException.unprocessable("Replies nest at most " + props.maxDepth() + " deep.");
            }
        }
        boolean trusted = caller.isStaff()
                || jdbc.sql("select exists (select 1 from comment where author_id = :id and status = 'APPROVED')")
                        .param("id", caller.userId())
                        .query(Boolean.class)
                        .single();
        Status status = trusted ? Status.APPROVED : Status.PENDING;
        String authorName = jdbc.sql("select display_name from author_profile where user_id = :id and not deleted")
                .param("id", caller.userId())
                .query(String.class)
                .optional()
                .or(() -> Optional.ofNullable(caller.tokenName()))
                .orElse("Reader");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into comment (id, post_id, parent_id, author_id, author_name, body, status, created_at, updated_at)
                        values (:id, :post, :parent, :author, :name, :body, :status, :now, :now)
                        """)
                .param("id", id)
                .param("post", post.id())
                .param("parent", request.parentId())
                .param("author", caller.userId())
                .param("name", authorName)
                .param("body", body)
                .param("status", status.name())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        events.publish(
                post.id().toString(),
                new CommentCreated(
                        id,
                        post.id(),
                        post.slug(),
                        post.title(),
                        caller.userId(),
                        authorName,
                        request.parentId(),
                        parent == null ? null : parent.authorId(),
                        excerpt(body),
                        status == Status.APPROVED,
                        now));
        return byId(id);
    }

    private int depth(UUID id) {
        return jdbc.sql("""
                        with recursive up(id, parent_id, d) as (
                          select id, parent_id, 1 from comment where id = :id
                          union all select c.id, c.parent_id, up.d + 1 from comment c join up on c.id = up.parent_id)
                        select max(d) from up
                        """).param("id", id).query(Integer.class).single();
    }

    @Transactional
    CommentRow edit(UUID id, CommentRequest request, Caller caller) {
        CommentRow c = existing(id);
        if (c.deleted() || !caller.userId().equals(c.authorId())) {
            throw ProblemException.forbidden("Only its author can edit a comment.");
        }
        jdbc.sql("update comment set body = :body, updated_at = now() where id = :id")
                .param("body", checkedBody(request.body()))
                .param("id", id)
                .update();
        return byId(id);
    }

    @Transactional
    void deleteOwn(UUID id, Caller caller) {
        CommentRow c = existing(id);
        if (!caller.isStaff() && !caller.userId().equals(c.authorId())) {
            throw ProblemException.forbidden("Only its author or a moderator can delete a comment.");
        }
        softDelete(id);
    }

    private void softDelete(UUID id) {
        jdbc.sql("update comment set deleted = true, body = '', updated_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    /**
     * A reader's report; reporting the same comment again replaces their earlier reason and note. A
     * blank note is no note.
     */
    @Transactional
    void report(UUID id, ReportReason reason, @Nullable String note, Caller caller) {
        CommentRow c = existing(id);
        if (c.deleted() || c.status() != Status.APPROVED) {
            throw ProblemException.notFound("Comment " + id);
        }
        String stripped = note == null || note.isBlank() ? null : note.strip();
        jdbc.sql("""
                        insert into comment_report (comment_id, reporter_id, reason, note) values (:id, :by, :reason, :note)
                        on conflict (comment_id, reporter_id) do update set reason = excluded.reason, note = excluded.note
                        """)
                .param("id", id)
                .param("by", caller.userId())
                .param("reason", reason.name())
                .param("note", stripped)
                .update();
    }

    List<ModerationItem> queue(@Nullable Status status, boolean reportedOnly) {
        List<ModerationItem> items = jdbc.sql("""
                        select c.*, p.slug as post_slug,
                          (select count(*) from comment_report r where r.comment_id = c.id) as reports
                        from comment c join post p on p.id = c.post_id
                        where not c.deleted and (:status::text is null or c.status = :status)
                          and (not :reported or exists (select 1 from comment_report r where r.comment_id = c.id))
                        order by c.created_at, c.id limit 200
                        """)
                .param("status", status == null ? null : status.name())
                .param("reported", reportedOnly)
                .query((rs, n) -> new ModerationItem(
                        response(map(rs, n), List.of()), rs.getString("post_slug"), rs.getInt("reports"), List.of()))
                .list();
        List<UUID> reported = items.stream()
                .filter(i -> i.reports() > 0)
                .map(i -> i.comment().id())
                .toList();
        if (reported.isEmpty()) {
            return items;
        }
        Map<UUID, List<ReportReasonCount>> reasons = new LinkedHashMap<>();
        jdbc.sql("""
                        select comment_id, reason, count(*) as reports,
                          (array_agg(note order by created_at desc, reporter_id) filter (where note is not null))[1 : %d] as notes
                        from comment_report where comment_id in (:ids)
                        group by comment_id, reason
                        order by comment_id, count(*) desc, reason
                        """.formatted(NOTES_PER_REASON)).param("ids", reported).query(rs -> {
            java.sql.Array notes = rs.getArray("notes");
            reasons.computeIfAbsent(rs.getObject("comment_id", UUID.class), k -> new ArrayList<>())
                    .add(new ReportReasonCount(
                            ReportReason.valueOf(rs.getString("reason")),
                            rs.getInt("reports"),
                            notes == null ? List.of() : List.of((String[]) notes.getArray())));
        });
        return items.stream()
                .map(i -> i.reports() == 0
                        ? i
                        : new ModerationItem(
                                i.comment(),
                                i.postSlug(),
                                i.reports(),
                                reasons.getOrDefault(i.comment().id(), List.of())))
                .toList();
    }

    /** How many of a comment's reports a moderator sees the notes of, per reason (newest first). */
    static final int NOTES_PER_REASON = 20;

    /**
     * A comment in a moderation queue with its reports: how many, and per reason (most reported first)
     * the count and the newest notes readers left.
     */
    record ModerationItem(CommentResponse comment, String postSlug, int reports, List<ReportReasonCount> reasons) {}

    record ReportReasonCount(ReportReason reason, int count, List<String> notes) {}

    @Transactional
    CommentRow approve(UUID id) {
        CommentRow c = existing(id);
        if (c.deleted()) {
            throw ProblemException.notFound("Comment " + id);
        }
        if (c.status() == Status.APPROVED) {
            return c;
        }
        lockPostForEvents(c.postId());
        jdbc.sql("update comment set status = 'APPROVED', updated_at = now() where id = :id")
                .param("id", id)
                .update();
        PostRef post = jdbc.sql("select id, slug, title, status from post where id = :id")
                .param("id", c.postId())
                .query((rs, n) ->
                        new PostRef(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"), true))
                .single();
        UUID parentAuthor = c.parentId() == null
                ? null
                : jdbc.sql("select author_id from comment where id = :id")
                        .param("id", c.parentId())
                        .query(UUID.class)
                        .optional()
                        .orElse(null);
        if (c.authorId() != null) {
            events.publish(
                    post.id().toString(),
                    new CommentApproved(
                            id,
                            post.id(),
                            post.slug(),
                            post.title(),
                            c.authorId(),
                            c.parentId(),
                            parentAuthor,
                            Instant.now()));
        }
        return byId(id);
    }

    @Transactional
    CommentRow reject(UUID id) {
        CommentRow c = existing(id);
        jdbc.sql("update comment set status = 'REJECTED', updated_at = now() where id = :id")
                .param("id", c.id())
                .update();
        return byId(id);
    }

    @Transactional
    void moderatorDelete(UUID id) {
        existing(id);
        softDelete(id);
        jdbc.sql("delete from comment_report where comment_id = :id")
                .param("id", id)
                .update();
    }

    /** The user is gone: their comments stay (threads keep their shape) but no longer name them. */
    @Transactional
    public void anonymiseAuthor(UUID userId) {
        jdbc.sql("update comment set author_id = null, author_name = 'Former member' where author_id = :id")
                .param("id", userId)
                .update();
        jdbc.sql("delete from comment_report where reporter_id = :id")
                .param("id", userId)
                .update();
    }

    @Transactional
    public void renameAuthor(UUID userId, String displayName) {
        jdbc.sql("update comment set author_name = :name where author_id = :id")
                .param("name", displayName)
                .param("id", userId)
                .update();
    }

    private CommentRow existing(UUID id) {
        return jdbc.sql("select * from comment where id = :id for update")
                .param("id", id)
                .query(CommentService::map)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Comment " + id));
    }

    private CommentRow byId(UUID id) {
        return jdbc.sql("select * from comment where id = :id")
                .param("id", id)
                .query(CommentService::map)
                .single();
    }

    private String checkedBody(String body) {
        String stripped = body.strip();
        if (stripped.isEmpty()) {
            throw ProblemException.unprocessable("The comment is empty.").with("field", "body");
        }
        if (stripped.length() > props.maxChars()) {
            throw ProblemException.unprocessable("A comment has at most " + props.maxChars() + " characters.")
                    .with("field", "body")
                    .with("limit", props.maxChars());
        }
        return stripped;
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }
}
