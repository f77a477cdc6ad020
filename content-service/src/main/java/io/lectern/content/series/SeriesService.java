package io.lectern.content.series;

import io.lectern.content.access.Caller;
import io.lectern.content.post.PostService;
import io.lectern.content.redirect.RedirectKind;
import io.lectern.content.redirect.Redirects;
import io.lectern.content.slug.Slugs;
import io.lectern.contracts.events.content.SeriesChanged;
import io.lectern.eventbus.EventPublisher;
import io.lectern.platform.web.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Series: an ordered run of posts. Positions live on the posts; the series owns their order. */
@Service
public class SeriesService {

    private final JdbcClient jdbc;
    private final Redirects redirects;
    private final EventPublisher events;
    private final PostService posts;

    SeriesService(JdbcClient jdbc, Redirects redirects, EventPublisher events, PostService posts) {
        this.jdbc = jdbc;
        this.redirects = redirects;
        this.events = events;
        this.posts = posts;
    }

    record SeriesRow(UUID id, String slug, String title, String description, UUID createdBy, long version) {}

    private static SeriesRow map(ResultSet rs, int n) throws SQLException {
        return new SeriesRow(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getObject("created_by", UUID.class),
                rs.getLong("version"));
    }

    List<SeriesResponse.Summary> list() {
        return jdbc.sql("""
                        select s.id, s.slug, s.title, s.description,
                          (select count(*) from post p where p.series_id = s.id and p.status = 'PUBLISHED') as posts
                        from series s order by s.title, s.id
                        """)
                .query((rs, n) -> new SeriesResponse.Summary(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getInt("posts")))
                .list();
    }

    /** The series page in one statement: the series left-joined to its published posts in reading order. */
    SeriesResponse page(String slug) {
        List<SeriesResponse> pages = new ArrayList<>(1);
        List<SeriesResponse.Entry> entries = new ArrayList<>();
        jdbc.sql("""
                        select s.id as series_id, s.slug as series_slug, s.title as series_title, s.description,
                          s.version, p.id, p.slug, p.title, p.excerpt, p.premium, p.reading_minutes, p.series_position
                        from series s left join post p on p.series_id = s.id and p.status = 'PUBLISHED'
                        where s.slug = :slug
                        order by p.series_position nulls last, p.published_at
                        """).param("slug", slug).query(rs -> {
            if (pages.isEmpty()) {
                pages.add(new SeriesResponse(
                        rs.getObject("series_id", UUID.class),
                        rs.getString("series_slug"),
                        rs.getString("series_title"),
                        rs.getString("description"),
                        entries,
                        rs.getLong("version")));
            }
            UUID postId = rs.getObject("id", UUID.class);
            if (postId != null) {
                entries.add(new SeriesResponse.Entry(
                        postId,
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("excerpt"),
                        rs.getBoolean("premium"),
                        rs.getInt("reading_minutes"),
                        rs.getObject("series_position", Integer.class)));
            }
        });
        if (pages.isEmpty()) {
            throw redirects.missing(RedirectKind.SERIES, slug, "Series");
        }
        SeriesResponse page = pages.get(0);
        return new SeriesResponse(
                page.id(), page.slug(), page.title(), page.description(), List.copyOf(entries), page.version());
    }

    private List<SeriesResponse.Entry> publishedPosts(UUID seriesId) {
        return jdbc.sql("""
                        select id, slug, title, excerpt, premium, reading_minutes, series_position from post
                        where series_id = :id and status = 'PUBLISHED' order by series_position nulls last, published_at
                        """)
                .param("id", seriesId)
                .query((rs, n) -> new SeriesResponse.Entry(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("excerpt"),
                        rs.getBoolean("premium"),
                        rs.getInt("reading_minutes"),
                        rs.getObject("series_position", Integer.class)))
                .list();
    }

    /** The id of the series with this slug, creating it when there is none (imports refer to series by slug). */
    @Transactional
    public UUID ensure(String slug, String title, String description, Caller caller) {
        return jdbc.sql("select id from series where slug = :slug")
                .param("slug", slug)
                .query(UUID.class)
                .optional()
                .orElseGet(() -> create(new SeriesRequest(title, slug, description), caller)
                        .id());
    }

    @Transactional
    SeriesResponse create(SeriesRequest request, Caller caller) {
        if (!caller.canAuthor()) {
            throw ProblemException.forbidden("Creating a series needs the author role.");
        }
        String slug = Slugs.chosen(request.slug(), request.title());
        if (slugTaken(slug, null)) {
            throw ProblemException.conflict("The slug '" + slug + "' is already used by another series.")
                    .with("field", "slug");
        }
        redirects.slugClaimed(RedirectKind.SERIES, slug);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into series (id, slug, title, description, created_by)
                        values (:id, :slug, :title, :description, :by)
                        """)
                .param("id", id)
                .param("slug", slug)
                .param("title", request.title().strip())
                .param("description", request.descriptionOrEmpty())
                .param("by", caller.userId())
                .update();
        return changed(id, false);
    }

    @Transactional
    SeriesResponse update(UUID id, SeriesRequest request, Caller caller) {
        SeriesRow s = owned(id, caller);
        String slug = request.slug() == null || request.slug().isBlank() ? s.slug() : Slugs.validated(request.slug());
        if (!slug.equals(s.slug()) && slugTaken(slug, id)) {
            throw ProblemException.conflict("The slug '" + slug + "' is already used by another series.")
                    .with("field", "slug");
        }
        jdbc.sql("""
                        update series set slug = :slug, title = :title, description = :description,
                          updated_at = now(), version = version + 1 where id = :id
                        """)
                .param("id", id)
                .param("slug", slug)
                .param("title", request.title().strip())
                .param("description", request.descriptionOrEmpty())
                .update();
        if (!slug.equals(s.slug())) {
            redirects.slugChanged(RedirectKind.SERIES, s.slug(), slug);
            posts.seriesChangedFor(memberIds(id));
        }
        return changed(id, false);
    }

    /** Sets the series' posts to exactly {@code postIds}, in that order; posts left out leave the series. */
    @Transactional
    SeriesResponse reorder(UUID id, List<UUID> postIds, Caller caller) {
        owned(id, caller);
        if (new HashSet<>(postIds).size() != postIds.size()) {
            throw ProblemException.unprocessable("A post appears twice in the order.")
                    .with("field", "postIds");
        }
        for (UUID postId : postIds) {
            UUID author = jdbc.sql("select author_id from post where id = :id")
                    .param("id", postId)
                    .query(UUID.class)
                    .optional()
                    .orElseThrow(() -> ProblemException.unprocessable("There is no post " + postId + ".")
                            .with("field", "postIds"));
            if (!caller.mayManage(author)) {
                throw ProblemException.forbidden("Post " + postId + " is not yours to put in a series.");
            }
        }
        List<UUID> affected = new ArrayList<>(memberIds(id));
        jdbc.sql("update post set series_id = null, series_position = null where series_id = :id")
                .param("id", id)
                .update();
        for (int i = 0; i < postIds.size(); i++) {
            jdbc.sql("update post set series_id = :sid, series_position = :pos where id = :id")
                    .param("sid", id)
                    .param("pos", i + 1)
                    .param("id", postIds.get(i))
                    .update();
            if (!affected.contains(postIds.get(i))) {
                affected.add(postIds.get(i));
            }
        }
        jdbc.sql("update series set version = version + 1, updated_at = now() where id = :id")
                .param("id", id)
                .update();
        posts.seriesChangedFor(affected);
        return changed(id, false);
    }

    @Transactional
    void delete(UUID id, Caller caller) {
        SeriesRow s = owned(id, caller);
        List<UUID> members = memberIds(id);
        events.publish(
                id.toString(),
                new SeriesChanged(id, s.slug(), s.title(), s.description(), List.of(), true, s.version() + 1));
        jdbc.sql("delete from series where id = :id").param("id", id).update();
        redirects.targetRemoved(RedirectKind.SERIES, s.slug());
        posts.seriesChangedFor(members);
    }

    private List<UUID> memberIds(UUID seriesId) {
        return jdbc.sql("select id from post where series_id = :id")
                .param("id", seriesId)
                .query(UUID.class)
                .list();
    }

    private SeriesResponse changed(UUID id, boolean deleted) {
        SeriesRow s = jdbc.sql("select * from series where id = :id")
                .param("id", id)
                .query(SeriesService::map)
                .single();
        List<SeriesResponse.Entry> entries = publishedPosts(id);
        events.publish(
                id.toString(),
                new SeriesChanged(
                        id,
                        s.slug(),
                        s.title(),
                        s.description(),
                        entries.stream().map(SeriesResponse.Entry::id).toList(),
                        deleted,
                        s.version()));
        return new SeriesResponse(s.id(), s.slug(), s.title(), s.description(), entries, s.version());
    }

    private SeriesRow owned(UUID id, Caller caller) {
        SeriesRow s = jdbc.sql("select * from series where id = :id for update")
                .param("id", id)
                .query(SeriesService::map)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Series " + id));
        if (!caller.mayManage(s.createdBy())) {
            throw ProblemException.forbidden("Only the series' creator or an editor may change it.");
        }
        return s;
    }

    private boolean slugTaken(String slug, @Nullable UUID except) {
        return jdbc.sql("select exists (select 1 from series where slug = :slug and id is distinct from :id)")
                .param("slug", slug)
                .param("id", except)
                .query(Boolean.class)
                .single();
    }
}
