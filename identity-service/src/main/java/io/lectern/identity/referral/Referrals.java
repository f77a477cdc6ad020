package io.lectern.identity.referral;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who signed up through whose code, and when they became real (verified) users. */
@Repository
public class Referrals {

    // no 0/O/1/I: codes are read aloud and typed by hand
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** 8 characters from a 32-letter alphabet: 2^40 codes, collisions are caught by the unique index. */
    public static String newCode() {
        char[] code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    public void recordSignup(UUID referredUserId, UUID referrerId, String code) {
        jdbc.sql("""
                        INSERT INTO referrals (referred_user_id, referrer_id, code) VALUES (:u, :r, :c)
                        ON CONFLICT (referred_user_id) DO NOTHING
                        """)
                .param("u", referredUserId)
                .param("r", referrerId)
                .param("c", code)
                .update();
    }

    public record Conversion(UUID referrerId, String code) {}

    /** Marks the referral converted; present only the first time, so the event is emitted once. */
    public Optional<Conversion> convert(UUID referredUserId) {
        return jdbc.sql("""
                        UPDATE referrals SET converted_at = now()
                        WHERE referred_user_id = :u AND converted_at IS NULL
                        RETURNING referrer_id, code
                        """)
                .param("u", referredUserId)
                .query((rs, n) -> new Conversion(rs.getObject("referrer_id", UUID.class), rs.getString("code")))
                .optional();
    }

    public Optional<UUID> referrerOf(UUID referredUserId) {
        return jdbc.sql("SELECT referrer_id FROM referrals WHERE referred_user_id = :u")
                .param("u", referredUserId)
                .query(UUID.class)
                .optional();
    }

    record Counts(long signups, long conversions) {}

    Counts countsFor(UUID referrerId) {
        return jdbc.sql("""
                        SELECT count(*) AS signups, count(converted_at) AS conversions
                        FROM referrals WHERE referrer_id = :r
                        """)
                .param("r", referrerId)
                .query((rs, n) -> new Counts(rs.getLong("signups"), rs.getLong("conversions")))
                .single();
    }

    record LeaderboardRow(String displayName, long conversions) {}

    List<LeaderboardRow> leaderboard(int limit) {
        return jdbc.sql("""
                        SELECT u.display_name, count(*) AS conversions
                        FROM referrals r JOIN users u ON u.id = r.referrer_id
                        WHERE r.converted_at IS NOT NULL AND NOT u.suspended
                        GROUP BY u.id, u.display_name
                        ORDER BY conversions DESC, min(r.converted_at), u.id
                        LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new LeaderboardRow(rs.getString("display_name"), rs.getLong("conversions")))
                .list();
    }

    public record ReferralExport(UUID referredUserId, String code, java.time.Instant signedUpAt, boolean converted) {}

    public List<ReferralExport> madeBy(UUID referrerId) {
        return jdbc.sql("""
                        SELECT referred_user_id, code, created_at, converted_at IS NOT NULL AS converted
                        FROM referrals WHERE referrer_id = :r ORDER BY created_at
                        """)
                .param("r", referrerId)
                .query((rs, n) -> new ReferralExport(
                        rs.getObject("referred_user_id", UUID.class),
                        rs.getString("code"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        rs.getBoolean("converted")))
                .list();
    }
}
