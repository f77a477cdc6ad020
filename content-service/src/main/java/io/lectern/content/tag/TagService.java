package io.lectern.content.tag;

import io.lectern.content.access.Caller;
import io.lectern.content.post.PostService;
import io.lectern.content.redirect.RedirectKind;
import io.lectern.content.redirect.Redirects;
import io.lectern.content.slug.Slugs;
import io.lectern.platform.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tags and their upkeep: renames leave a redirect, merging folds a duplicate into its survivor. */
@Service
class TagService {

    private final JdbcClient jdbc;
    private final Redirects redirects;
    private final PostService posts;

    TagService(JdbcClient jdbc, Redirects redirects, PostService posts) {
        this.jdbc = jdbc;
        this.redirects = redirects;
        this.posts = posts;
    }

    record TagResponse(UUID id, String slug, String name, String description, int publishedPosts) {}

    private static final String SELECT = """
            select t.id, t.slug, t.name, t.description,
              (select count(*) from post_tag pt join post p on p.id = pt.post_id
               where pt.tag_id = t.id and p.status = 'PUBLISHED') as posts
            from tag t
            """;

    private static TagResponse map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TagResponse(
                rs.getObject("id", UUID.class),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("posts"));
    }

    List<TagResponse> list() {
        return jdbc.sql(SELECT + " order by t.slug").query(TagService::map).list();
    }

    TagResponse get(String slug) {
        return jdbc.sql(SELECT + " where t.slug = :slug")
                .param("slug", slug)
                .query(TagService::map)
                .optional()
                .orElseThrow(() -> redirects.missing(RedirectKind.TAG, slug, "Tag"));
    }

    @Transactional
    TagResponse create(TagRequest request, Caller caller) {
        if (!caller.canAuthor()) {
            throw ProblemException.forbidden("Creating tags needs the author role.");
        }
        String slug = Slugs.chosen(request.slug(), request.name());
        if (exists(slug)) {
            throw ProblemException.conflict("The tag '" + slug + "' already exists.")
                    .with("field", "slug");
        }
        redirects.slugClaimed(RedirectKind.TAG, slug);
        jdbc.sql("insert into tag (id, slug, name, description) values (:id, :slug, :name, :description)")
                .param("id", UUID.randomUUID())
                .param("slug", slug)
                .param("name", request.name().strip())
                .param("description", request.descriptionOrEmpty())
                .update();
        return get(slug);
    }

    @Transactional
    TagResponse update(String slug, TagRequest request) {
        TagResponse tag = existing(slug);
        String newSlug = request.slug() == null || request.slug().isBlank() ? slug : Slugs.validated(request.slug());
        if (!newSlug.equals(slug) && exists(newSlug)) {
            throw ProblemException.conflict("The tag '" + newSlug + "' already exists; merge the two instead.")
                    .with("field", "slug");
        }
        jdbc.sql("update tag set slug = :newSlug, name = :name, description = :description where id = :id")
                .param("newSlug", newSlug)
                .param("name", request.name().strip())
                .param("description", request.descriptionOrEmpty())
                .param("id", tag.id())
                .update();
        if (!newSlug.equals(slug)) {
            redirects.slugChanged(RedirectKind.TAG, slug, newSlug);
        }
        if (!newSlug.equals(slug) || !request.name().strip().equals(tag.name())) {
            posts.tagsChangedFor(postsOf(tag.id()));
        }
        return get(newSlug);
    }

    @Transactional
    void delete(String slug) {
        TagResponse tag = existing(slug);
        List<UUID> affected = postsOf(tag.id());
        jdbc.sql("delete from tag where id = :id").param("id", tag.id()).update();
        redirects.targetRemoved(RedirectKind.TAG, slug);
        posts.tagsChangedFor(affected);
    }

    /** Every post tagged {@code source} ends up tagged {@code target}; {@code source} becomes a redirect. */
    @Transactional
    TagResponse merge(String sourceSlug, String targetSlug) {
        if (sourceSlug.equals(targetSlug)) {
            throw ProblemException.unprocessable("A tag cannot be merged into itself.");
        }
        TagResponse source = existing(sourceSlug);
        TagResponse target = jdbc.sql(SELECT + " where t.slug = :slug")
                .param("slug", targetSlug)
                .query(TagService::map)
                .optional()
                .orElseThrow(() -> ProblemException.unprocessable("There is no tag '" + targetSlug + "' to merge into.")
                        .with("field", "into"));
        List<UUID> affected = postsOf(source.id());
        jdbc.sql("""
                        insert into post_tag (post_id, tag_id) select post_id, :target from post_tag where tag_id = :source
                        on conflict do nothing
                        """).param("target", target.id()).param("source", source.id()).update();
        jdbc.sql("delete from tag where id = :id").param("id", source.id()).update();
        redirects.slugChanged(RedirectKind.TAG, sourceSlug, targetSlug);
        posts.tagsChangedFor(affected);
        return get(targetSlug);
    }

    private List<UUID> postsOf(UUID tagId) {
        return jdbc.sql("select post_id from post_tag where tag_id = :id")
                .param("id", tagId)
                .query(UUID.class)
                .list();
    }

    private boolean exists(String slug) {
        return jdbc.sql("select exists (select 1 from tag where slug = :slug)")
                .param("slug", slug)
                .query(Boolean.class)
                .single();
    }

    private TagResponse existing(String slug) {
        return jdbc.sql(SELECT + " where t.slug = :slug")
                .param("slug", slug)
                .query(TagService::map)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Tag '" + slug + "'"));
    }
}
