package io.lectern.learning.xp;

import io.lectern.learning.privacy.UserDataEraser;
import io.lectern.learning.privacy.UserDataExporter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The user's XP ledger and totals, for the export and the erasure. */
@Component
class XpUserData implements UserDataEraser, UserDataExporter {

    private final JdbcClient jdbc;
    private final XpLedger ledger;

    XpUserData(JdbcClient jdbc, XpLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Override
    public void erase(UUID userId) {
        jdbc.sql("delete from xp_award where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("delete from xp_total where user_id = :user")
                .param("user", userId)
                .update();
    }

    @Override
    public String section() {
        return "xp";
    }

    @Override
    public Object export(UUID userId) {
        List<AwardEntry> awards = jdbc.sql("""
                        select rule, source_key, points, awarded_at from xp_award where user_id = :user order by id
                        """)
                .param("user", userId)
                .query((rs, n) -> new AwardEntry(
                        rs.getString("rule"),
                        rs.getString("source_key"),
                        rs.getInt("points"),
                        rs.getTimestamp("awarded_at").toInstant()))
                .list();
        return new XpExport(ledger.standing(userId), awards);
    }

    record AwardEntry(String rule, String sourceKey, int points, Instant awardedAt) {}

    record XpExport(XpStanding standing, List<AwardEntry> awards) {}
}
