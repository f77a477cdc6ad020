package io.lectern.content.analytics;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret that turns (IP, user agent) into a visitor key for one UTC day. It is random, lives in the
 * database (so every instance hashes a visitor alike) and is deleted once its day is over: after that
 * nobody, not even an operator with the database, can recompute which address made yesterday's views.
 */
@Component
class ViewSalts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile @Nullable DaySalt cached;

    ViewSalts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record DaySalt(LocalDate day, byte[] salt) {}

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The salt of {@code day}, created on first use; creating a day's salt also drops every older one. */
    byte[] saltFor(LocalDate day) {
        DaySalt c = cached;
        if (c != null && c.day().equals(day)) {
            return c.salt();
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        // Two instances may race on a new day: the first insert wins and both read the winner.
        jdbc.sql("insert into view_salt (day, salt) values (:day, :salt) on conflict (day) do nothing")
                .param("day", day)
                .param("salt", fresh)
                .update();
        byte[] salt = jdbc.sql("select salt from view_salt where day = :day")
                .param("day", day)
                .query(byte[].class)
                .single();
        deleteBefore(day);
        cached = new DaySalt(day, salt);
        return salt;
    }

    /** Forgets every salt older than {@code day}; answers how many were deleted. */
    int deleteBefore(LocalDate day) {
        DaySalt c = cached;
        if (c != null && c.day().isBefore(day)) {
            cached = null;
        }
        return jdbc.sql("delete from view_salt where day < :day")
                .param("day", day)
                .update();
    }
}
