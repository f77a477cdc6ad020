package io.lectern.learning.learner;

import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The learner read model fed by identity. {@code UserRegistered} carries no version and only creates
 * (version 0); {@code UserProfileChanged} wins by version. {@link #tombstone} (on {@code UserDeleted})
 * keeps only the id and a deleted mark, so late events neither bring back the name nor let XP be
 * awarded to a deleted account.
 */
@Component
public class Learners {

    /** Advisory-lock class id for per-user serialisation of gamification writes ("LRN1"). */
    private static final int LOCK_CLASS = 0x4C524E31;

    private final JdbcClient jdbc;

    Learners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Learner> find(UUID userId) {
        return jdbc.sql("select user_id, display_name, time_zone, deleted from learner where user_id = :id")
                .param("id", userId)
                .query((rs, n) -> new Learner(
                        rs.getObject("user_id", UUID.class),
                        rs.getString("display_name"),
                        zone(rs.getString("time_zone")),
                        rs.getBoolean("deleted")))
                .optional();
    }

    /** The zone a user's study days are counted in: theirs, or UTC while identity has not told us yet. */
    public ZoneId zoneOf(UUID userId) {
        return find(userId).map(Learner::timeZone).orElse(ZoneOffset.UTC);
    }

    public boolean isDeleted(UUID userId) {
        return jdbc.sql("select deleted from learner where user_id = :id")
                .param("id", userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Display names of the given users (deleted users and unknown ones are absent). */
    public Map<UUID, String> displayNames(Collection<UUID> userIds) {
        Map<UUID, String> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select user_id, display_name from learner where not deleted and user_id = any(:ids)")
                .param("ids", userIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("user_id", UUID.class), rs.getString("display_name")))
                .list()
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Serialises every gamification write of one user until the caller's transaction ends (XP totals,
     * counters, badges, streak), so concurrent events for one user cannot deadlock or double-grant.
     * Must be called inside a transaction.
     */
    public void lock(UUID userId) {
        jdbc.sql("select pg_advisory_xact_lock(:cls, hashtext(:id))")
                .param("cls", LOCK_CLASS)
                .param("id", userId.toString())
                .query((rs, n) -> 1)
                .single();
    }

    public void onRegistered(UserRegistered e) {
        jdbc.sql("""
                        insert into learner (user_id, display_name, time_zone, version)
                        values (:id, :name, :zone, 0)
                        on conflict (user_id) do nothing
                        """)
                .param("id", e.userId())
                .param("name", e.displayName())
                .param("zone", validZone(e.timeZone()))
                .update();
    }

    public void onProfileChanged(UserProfileChanged e) {
        jdbc.sql("""
                        insert into learner (user_id, display_name, time_zone, version)
                        values (:id, :name, :zone, :version)
                        on conflict (user_id) do update set display_name = excluded.display_name,
                            time_zone = excluded.time_zone, version = excluded.version, updated_at = now()
                        where learner.version < excluded.version and not learner.deleted
                        """)
                .param("id", e.userId())
                .param("name", e.displayName())
                .param("zone", validZone(e.timeZone()))
                .param("version", e.version())
                .update();
    }

    /** Wipes the user's profile, keeping only the id and the deleted mark. */
    public void tombstone(UUID userId) {
        jdbc.sql("""
                        insert into learner (user_id, display_name, time_zone, deleted, version)
                        values (:id, '', 'UTC', true, 9223372036854775807)
                        on conflict (user_id) do update set display_name = '', time_zone = 'UTC', deleted = true,
                            version = 9223372036854775807, updated_at = now()
                        """).param("id", userId).update();
    }

    private static String validZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            return "UTC";
        }
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
