package io.lectern.learning.leaderboard;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ZAddParams;

/**
 * XP leaderboards as Redis sorted sets: {@code <ns>:learning:lb:all} and one
 * {@code <ns>:learning:lb:week:<monday>} per week (Monday 00:00 in {@code week-zone}, UTC by default).
 * The ledger in PostgreSQL is the truth; the sets are kept live after each award commits (with
 * {@code ZADD GT} of the new total, so late or repeated updates never lower a score) and can be
 * rebuilt from the ledger at any time.
 */
@Component
public class Leaderboards {

    private static final Logger log = LoggerFactory.getLogger(Leaderboards.class);
    private static final int CHUNK = 5_000;
    /** SCAN's COUNT hint: keys examined per round trip while looking for this feature's keys. */
    private static final int SCAN_COUNT = 1_000;
    /** {@code ZADD GT CH}: a score only ever rises, whatever order updates arrive in. */
    private static final ZAddParams IF_GREATER = ZAddParams.zAddParams().gt().ch();

    private final RedisClient redis;
    private final JdbcClient jdbc;
    private final LeaderboardProperties props;
    private final String prefix;
    private final Clock clock;

    Leaderboards(
            RedisClient redis,
            JdbcClient jdbc,
            LeaderboardProperties props,
            Clock clock,
            @Value("${lectern.events.namespace:lectern}") String namespace) {
        this.redis = redis;
        this.clock = clock;
        this.jdbc = jdbc;
        this.props = props;
        this.prefix = namespace + ":learning:lb:";
    }

    /** Monday of the week {@code at} falls in, in the board's zone. */
    public LocalDate weekOf(Instant at) {
        return LocalDate.ofInstant(at, props.weekZone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public String allTimeKey() {
        return prefix + "all";
    }

    public String weekKey(LocalDate monday) {
        return prefix + "week:" + monday;
    }

    /** Every Redis key this feature writes starts with this. */
    public String keyPrefix() {
        return prefix;
    }

    /**
     * Called by the XP ledger inside the award's transaction: reads the user's week total there and
     * updates both boards once the transaction commits (nothing if it rolls back or the user opted out).
     */
    public void scoreChanged(UUID userId, long total, Instant at) {
        LocalDate monday = weekOf(at);
        Instant from = monday.atStartOfDay(props.weekZone()).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(props.weekZone()).toInstant();
        // one round trip: the opt-out flag and the user's total for the award's week
        Object[] row = jdbc.sql("""
                        select coalesce((select leaderboard_opt_out from gamer_profile where user_id = :user), false),
                               (select coalesce(sum(points), 0) from xp_award
                                where user_id = :user and awarded_at >= :from and awarded_at < :to)
                        """)
                .param("user", userId)
                .param("from", java.sql.Timestamp.from(from))
                .param("to", java.sql.Timestamp.from(to))
                .query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getLong(2)})
                .single();
        if ((Boolean) row[0]) {
            return;
        }
        long weekTotal = (Long) row[1];
        Runnable update = () -> {
            try {
                String week = weekKey(monday);
                List<Response<?>> replies = new ArrayList<>();
                try (Pipeline p = redis.pipelined()) {
                    replies.add(p.zadd(allTimeKey(), total, userId.toString(), IF_GREATER));
                    replies.add(p.zadd(week, weekTotal, userId.toString(), IF_GREATER));
                    replies.add(p.pexpire(week, weekTtl(monday).toMillis()));
                    p.sync();
                }
                failOnError(replies);
            } catch (RuntimeException e) {
                // the ledger committed; a rebuild brings the board back in line
                log.warn("Leaderboard update for {} failed: {}", userId, e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    update.run();
                }
            });
        } else {
            update.run();
        }
    }

    /**
     * One round trip: the board's size and either its top {@code n} (no member) or the member's rank with
     * {@code n} neighbours each side. Returns {from, size, member1, score1, ...}; from = -1 when the
     * member is not on the board.
     */
    private static final String SLICE = """
            local size = redis.call('ZCARD', KEYS[1])
            local from = 0
            local to = tonumber(ARGV[2]) - 1
            if ARGV[1] ~= '' then
              local rank = redis.call('ZREVRANK', KEYS[1], ARGV[1])
              if not rank then return {-1, size} end
              from = math.max(0, rank - tonumber(ARGV[2]))
              to = rank + tonumber(ARGV[2])
            end
            local items = redis.call('ZREVRANGE', KEYS[1], from, to, 'WITHSCORES')
            local out = {from, size}
            for i = 1, #items do out[#out + 1] = items[i] end
            return out
            """;

    /** Top {@code n} of a board, best first, with the board's size. */
    public Slice top(Board board, int n) {
        return slice(board, "", n);
    }

    /** The user's standing and {@code around} neighbours each side (no entries when not on the board). */
    public Slice around(Board board, UUID userId, int around) {
        return slice(board, userId.toString(), around);
    }

    private Slice slice(Board board, String member, int n) {
        List<String> keys = List.of(key(board, clock.instant()));
        List<String> args = List.of(member, String.valueOf(n));
        // EVAL_RO with the text each time (a few hundred bytes): Redis keeps the compiled script by its digest,
        // and there is no cache of ours to lose when Redis restarts. Lua integers come back as Long, strings as
        // String and the table as a List.
        List<?> reply = (List<?>) redis.evalReadonly(SLICE, keys, args);
        long from = ((Number) reply.get(0)).longValue();
        long size = ((Number) reply.get(1)).longValue();
        List<Standing> out = new ArrayList<>();
        if (from < 0) {
            return new Slice(out, size);
        }
        long rank = from + 1;
        for (int i = 2; i + 1 < reply.size(); i += 2) {
            out.add(new Standing(rank++, UUID.fromString(String.valueOf(reply.get(i))), (long)
                    Double.parseDouble(String.valueOf(reply.get(i + 1)))));
        }
        return new Slice(out, size);
    }

    public long size(Board board) {
        return redis.zcard(key(board, clock.instant()));
    }

    public void remove(UUID userId) {
        List<Response<?>> replies = new ArrayList<>();
        try (Pipeline p = redis.pipelined()) {
            for (String key : keys()) {
                replies.add(p.zrem(key, userId.toString()));
            }
            p.sync();
        }
        failOnError(replies);
    }

    /**
     * Every key of this feature, walked with SCAN MATCH (never KEYS, which blocks Redis for the whole
     * keyspace); a key SCAN returns twice only gets a second, harmless ZREM.
     */
    private Collection<String> keys() {
        return redis.scanIteration(SCAN_COUNT, prefix + "*").collect(new ArrayList<>());
    }

    /** Whether the all-time board exists (Redis may have lost it). */
    public boolean present() {
        return redis.exists(allTimeKey());
    }

    /**
     * Rebuilds the all-time board and the weekly boards still kept from the ledger, skipping opted-out
     * and deleted users; each board is written to a scratch key and renamed over the live one.
     */
    public void rebuild(Instant now) {
        Map<String, Long> allTime = new HashMap<>();
        jdbc.sql("""
                        select t.user_id, t.total from xp_total t
                        where t.total > 0
                          and not exists (select 1 from gamer_profile g where g.user_id = t.user_id and g.leaderboard_opt_out)
                          and not exists (select 1 from learner l where l.user_id = t.user_id and l.deleted)
                        """)
                .query((rs, n) -> {
                    allTime.put(rs.getString("user_id"), rs.getLong("total"));
                    return 1;
                })
                .list();
        replace(allTimeKey(), allTime, null);
        LocalDate thisWeek = weekOf(now);
        for (int w = 0; w < props.weeksKept(); w++) {
            LocalDate monday = thisWeek.minusWeeks(w);
            Instant from = monday.atStartOfDay(props.weekZone()).toInstant();
            Instant to = monday.plusWeeks(1).atStartOfDay(props.weekZone()).toInstant();
            Map<String, Long> week = new HashMap<>();
            jdbc.sql("""
                            select a.user_id, sum(a.points) as total from xp_award a
                            where a.awarded_at >= :from and a.awarded_at < :to
                              and not exists (select 1 from gamer_profile g where g.user_id = a.user_id and g.leaderboard_opt_out)
                              and not exists (select 1 from learner l where l.user_id = a.user_id and l.deleted)
                            group by a.user_id having sum(a.points) > 0
                            """)
                    .param("from", java.sql.Timestamp.from(from))
                    .param("to", java.sql.Timestamp.from(to))
                    .query((rs, n) -> {
                        week.put(rs.getString("user_id"), rs.getLong("total"));
                        return 1;
                    })
                    .list();
            replace(weekKey(monday), week, weekTtl(monday));
        }
    }

    private void replace(String key, Map<String, Long> scores, @Nullable Duration ttl) {
        if (scores.isEmpty()) {
            redis.del(key);
            return;
        }
        String scratch = key + ":rebuild";
        redis.del(scratch);
        Map<String, Double> chunk = new HashMap<>();
        for (Map.Entry<String, Long> e : scores.entrySet()) {
            chunk.put(e.getKey(), e.getValue().doubleValue());
            if (chunk.size() == CHUNK) {
                redis.zadd(scratch, chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            redis.zadd(scratch, chunk);
        }
        redis.rename(scratch, key);
        if (ttl != null) {
            redis.pexpire(key, ttl.toMillis());
        }
    }

    /** Takes the user off every board (opt-out) or puts them back from the ledger (opt-in). */
    public void optOut(UUID userId, boolean out, Instant now) {
        jdbc.sql("""
                        insert into gamer_profile (user_id, leaderboard_opt_out) values (:user, :out)
                        on conflict (user_id) do update set leaderboard_opt_out = excluded.leaderboard_opt_out
                        """).param("user", userId).param("out", out).update();
        Runnable apply = () -> {
            if (out) {
                remove(userId);
            } else {
                restore(userId, now);
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply.run();
                }
            });
        } else {
            apply.run();
        }
    }

    /** Whether the user chose to be hidden; false for a user who never chose. */
    public boolean optedOut(UUID userId) {
        return jdbc.sql("select leaderboard_opt_out from gamer_profile where user_id = :user")
                .param("user", userId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    private void restore(UUID userId, Instant now) {
        long total = jdbc.sql("select coalesce((select total from xp_total where user_id = :user), 0)")
                .param("user", userId)
                .query(Long.class)
                .single();
        if (total > 0) {
            redis.zadd(allTimeKey(), total, userId.toString(), IF_GREATER);
        }
        LocalDate thisWeek = weekOf(now);
        for (int w = 0; w < props.weeksKept(); w++) {
            LocalDate monday = thisWeek.minusWeeks(w);
            long week = weekTotal(userId, monday);
            if (week > 0) {
                redis.zadd(weekKey(monday), week, userId.toString(), IF_GREATER);
            }
        }
    }

    private long weekTotal(UUID userId, LocalDate monday) {
        Instant from = monday.atStartOfDay(props.weekZone()).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(props.weekZone()).toInstant();
        return jdbc.sql("""
                        select coalesce(sum(points), 0) from xp_award
                        where user_id = :user and awarded_at >= :from and awarded_at < :to
                        """)
                .param("user", userId)
                .param("from", java.sql.Timestamp.from(from))
                .param("to", java.sql.Timestamp.from(to))
                .query(Long.class)
                .single();
    }

    private Duration weekTtl(LocalDate monday) {
        Instant end = monday.plusWeeks(props.weeksKept())
                .atStartOfDay(props.weekZone())
                .toInstant();
        Duration left = Duration.between(clock.instant(), end);
        return left.isNegative() || left.isZero() ? Duration.ofHours(1) : left;
    }

    private String key(Board board, Instant now) {
        return board == Board.ALL_TIME ? allTimeKey() : weekKey(weekOf(now));
    }

    /** Members of a board with their scores (for tests and the rebuild check). */
    public Map<String, Long> snapshot(String key) {
        Map<String, Long> out = new HashMap<>();
        redis.zrangeWithScores(key, 0, -1).forEach(e -> out.put(e.getElement(), (long) e.getScore()));
        return out;
    }

    /**
     * Throws the first error Redis answered in a pipeline: {@code sync()} only reads the replies, and
     * a failed command would otherwise go unnoticed.
     */
    private static void failOnError(List<Response<?>> replies) {
        replies.forEach(Response::get);
    }

    public enum Board {
        ALL_TIME,
        WEEK
    }

    public record Standing(long rank, UUID userId, long xp) {}

    /** Some standings of a board and how many users it has. */
    public record Slice(List<Standing> standings, long size) {}
}
