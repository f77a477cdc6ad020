package io.lectern.content.redirect;

import io.lectern.content.slug.Slugs;
import io.lectern.platform.web.ProblemException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Old slugs that still lead somewhere, and slugs that lead nowhere any more. Every redirect points
 * straight at a live slug: chains are collapsed when a redirect is written, and a slug that becomes live
 * again stops being a redirect, so a lookup is always one hop and can never loop. A slug whose entity was
 * deleted for good (and every old slug that led to it) is remembered as gone, so a lookup answers 410
 * rather than 404 until a live entity claims the slug again.
 */
@Service
public class Redirects {

    private final JdbcClient jdbc;

    Redirects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Called in the transaction that renamed an entity from {@code from} to {@code to}. */
    @Transactional
    public void slugChanged(RedirectKind kind, String from, String to) {
        if (from.equals(to)) {
            return;
        }
        slugClaimed(kind, to);
        jdbc.sql("update redirect set to_slug = :to where kind = :kind and to_slug = :from")
                .param("to", to)
                .param("kind", kind.name())
                .param("from", from)
                .update();
        jdbc.sql("""
                        insert into redirect (id, kind, from_slug, to_slug, automatic) values (:id, :kind, :from, :to, true)
                        on conflict (kind, from_slug) do update set to_slug = excluded.to_slug
                        """)
                .param("id", UUID.randomUUID())
                .param("kind", kind.name())
                .param("from", from)
                .param("to", to)
                .update();
    }

    /** A live entity now uses {@code slug}, so it can no longer redirect elsewhere nor be gone. */
    @Transactional
    public void slugClaimed(RedirectKind kind, String slug) {
        jdbc.sql("delete from redirect where kind = :kind and from_slug = :slug")
                .param("kind", kind.name())
                .param("slug", slug)
                .update();
        jdbc.sql("delete from gone_slug where kind = :kind and slug = :slug")
                .param("kind", kind.name())
                .param("slug", slug)
                .update();
    }

    /** An entity was deleted: redirects to it would now lead nowhere. */
    @Transactional
    public void targetRemoved(RedirectKind kind, String slug) {
        jdbc.sql("delete from redirect where kind = :kind and to_slug = :slug")
                .param("kind", kind.name())
                .param("slug", slug)
                .update();
    }

    /**
     * An entity that readers could see was deleted for good: its slug, and every old slug that redirected
     * to it, are gone from now on (the redirects end).
     */
    @Transactional
    public void gone(RedirectKind kind, String slug) {
        jdbc.sql("""
                        insert into gone_slug (kind, slug)
                        select :kind, :slug
                        union select kind, from_slug from redirect where kind = :kind and to_slug = :slug
                        on conflict (kind, slug) do nothing
                        """).param("kind", kind.name()).param("slug", slug).update();
        targetRemoved(kind, slug);
    }

    public Optional<String> resolve(RedirectKind kind, String slug) {
        return jdbc.sql("select to_slug from redirect where kind = :kind and from_slug = :slug")
                .param("kind", kind.name())
                .param("slug", slug)
                .query(String.class)
                .optional();
    }

    /**
     * What a public lookup answers for a slug no live entity uses: 301 for an old slug (the body repeats
     * the target, as a problem document with {@code location} and {@code slug}, for clients that do not
     * follow redirects themselves), 410 for the slug of a deleted entity, else 404.
     */
    public ProblemException missing(RedirectKind kind, String slug, String what) {
        return resolve(kind, slug)
                .map(target -> new ProblemException(
                                HttpStatus.MOVED_PERMANENTLY,
                                "Moved permanently",
                                what + " has moved to " + target + ".")
                        .with("location", kind.path(target))
                        .with("slug", target)
                        .header("Location", kind.path(target)))
                .orElseGet(() -> isGone(kind, slug)
                        ? new ProblemException(HttpStatus.GONE, "Gone", what + " '" + slug + "' was deleted.")
                        : ProblemException.notFound(what + " '" + slug + "'"));
    }

    private boolean isGone(RedirectKind kind, String slug) {
        return jdbc.sql("select exists (select 1 from gone_slug where kind = :kind and slug = :slug)")
                .param("kind", kind.name())
                .param("slug", slug)
                .query(Boolean.class)
                .single();
    }

    List<RedirectResponse> list(Optional<RedirectKind> kind) {
        return jdbc.sql("""
                        select id, kind, from_slug, to_slug, automatic, created_at from redirect
                        where (:kind::text is null or kind = :kind) order by created_at desc, id
                        """)
                .param("kind", kind.map(Enum::name).orElse(null))
                .query((rs, n) -> new RedirectResponse(
                        rs.getObject("id", UUID.class),
                        RedirectKind.valueOf(rs.getString("kind")),
                        rs.getString("from_slug"),
                        rs.getString("to_slug"),
                        RedirectKind.valueOf(rs.getString("kind")).path(rs.getString("to_slug")),
                        rs.getBoolean("automatic"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    /**
     * Recreates a redirect from an export when it still makes sense here: its target is live, its source
     * is not, and no redirect from that source exists. Answers whether it was added.
     */
    @Transactional
    public boolean imported(RedirectKind kind, String fromSlug, String toSlug, boolean automatic) {
        if (fromSlug.equals(toSlug)
                || isLive(kind, fromSlug)
                || !isLive(kind, toSlug)
                || resolve(kind, fromSlug).isPresent()) {
            return false;
        }
        jdbc.sql(
                        "insert into redirect (id, kind, from_slug, to_slug, automatic) values (:id, :kind, :from, :to, :auto)")
                .param("id", UUID.randomUUID())
                .param("kind", kind.name())
                .param("from", fromSlug)
                .param("to", toSlug)
                .param("auto", automatic)
                .update();
        return true;
    }

    @Transactional
    RedirectResponse create(RedirectKind kind, String fromSlug, String toSlug) {
        String from = Slugs.validated(fromSlug);
        String to = resolve(kind, Slugs.validated(toSlug)).orElse(toSlug);
        if (from.equals(to)) {
            throw ProblemException.unprocessable("A redirect from '" + from + "' would lead back to itself.");
        }
        if (isLive(kind, from)) {
            throw ProblemException.conflict("'" + from + "' is a live " + kind.table() + " slug; it cannot redirect.");
        }
        if (!isLive(kind, to)) {
            throw ProblemException.unprocessable("No " + kind.table() + " has the slug '" + to + "'.");
        }
        if (resolve(kind, from).isPresent()) {
            throw ProblemException.conflict("A redirect from '" + from + "' already exists.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("update redirect set to_slug = :to where kind = :kind and to_slug = :from")
                .param("to", to)
                .param("kind", kind.name())
                .param("from", from)
                .update();
        jdbc.sql(
                        "insert into redirect (id, kind, from_slug, to_slug, automatic) values (:id, :kind, :from, :to, false)")
                .param("id", id)
                .param("kind", kind.name())
                .param("from", from)
                .param("to", to)
                .update();
        return new RedirectResponse(id, kind, from, to, kind.path(to), false, Instant.now());
    }

    @Transactional
    void delete(UUID id) {
        if (jdbc.sql("delete from redirect where id = :id").param("id", id).update() == 0) {
            throw ProblemException.notFound("Redirect " + id);
        }
    }

    private boolean isLive(RedirectKind kind, String slug) {
        // The table name comes from the enum, never from input.
        return jdbc.sql("select exists (select 1 from " + kind.table() + " where slug = :slug)")
                .param("slug", slug)
                .query(Boolean.class)
                .single();
    }

    record RedirectResponse(
            UUID id,
            RedirectKind kind,
            String fromSlug,
            String toSlug,
            String location,
            boolean automatic,
            Instant createdAt) {
        static URI uri(UUID id) {
            return URI.create("/api/v1/admin/redirects/" + id);
        }
    }
}
