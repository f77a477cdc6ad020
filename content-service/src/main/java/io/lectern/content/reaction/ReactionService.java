package io.lectern.content.reaction;

import io.lectern.content.access.Caller;
import io.lectern.platform.web.ProblemException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reactions on published posts: a fixed set, at most one of each type per user. */
@Service
public class ReactionService {

    public enum Type {
        LIKE,
        INSIGHTFUL,
        CELEBRATE;

        static Type parse(String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.unprocessable(
                                "Unknown reaction '" + value + "'; use like, insightful or celebrate.")
                        .with("field", "type");
            }
        }
    }

    record Counts(Map<Type, Integer> counts, Set<Type> mine) {}

    private final JdbcClient jdbc;

    ReactionService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private UUID publishedPost(String slug) {
        return jdbc.sql("select id from post where slug = :slug and status = 'PUBLISHED'")
                .param("slug", slug)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Post '" + slug + "'"));
    }

    Counts counts(String slug, Optional<Caller> caller) {
        UUID post = publishedPost(slug);
        Map<Type, Integer> counts = new EnumMap<>(Type.class);
        for (Type t : Type.values()) {
            counts.put(t, 0);
        }
        jdbc.sql("select type, count(*) as n from reaction where post_id = :id group by type")
                .param("id", post)
                .query(rs -> {
                    counts.put(Type.valueOf(rs.getString("type")), rs.getInt("n"));
                });
        Set<Type> mine = EnumSet.noneOf(Type.class);
        caller.ifPresent(c -> jdbc.sql("select type from reaction where post_id = :id and user_id = :user")
                .param("id", post)
                .param("user", c.userId())
                .query(String.class)
                .list()
                .forEach(t -> mine.add(Type.valueOf(t))));
        return new Counts(counts, mine);
    }

    @Transactional
    Counts react(String slug, String type, Caller caller) {
        UUID post = publishedPost(slug);
        jdbc.sql("insert into reaction (post_id, user_id, type) values (:p, :u, :t) on conflict do nothing")
                .param("p", post)
                .param("u", caller.userId())
                .param("t", Type.parse(type).name())
                .update();
        return counts(slug, Optional.of(caller));
    }

    @Transactional
    Counts unreact(String slug, String type, Caller caller) {
        UUID post = publishedPost(slug);
        jdbc.sql("delete from reaction where post_id = :p and user_id = :u and type = :t")
                .param("p", post)
                .param("u", caller.userId())
                .param("t", Type.parse(type).name())
                .update();
        return counts(slug, Optional.of(caller));
    }

    @Transactional
    public void removeAllOf(UUID userId) {
        jdbc.sql("delete from reaction where user_id = :u").param("u", userId).update();
    }
}
