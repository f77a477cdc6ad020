package io.lectern.content.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lectern.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V8 turns the free-text report reasons written before it into the fixed set: a text that is just a
 * reason's name becomes that reason, anything else OTHER with the text kept as the note. Run on a
 * scratch schema of the test database, migrated to V7, filled, then migrated to the latest version.
 */
class CommentReportMigrationTest {

    @Test
    void freeTextReasonsBecomeAReasonOfTheSetOrOtherWithTheTextAsItsNote() throws Exception {
        String schema = "content_v8_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c =
                TestInfrastructure.get().admin(TestInfrastructure.get().database())) {
            SingleConnectionDataSource ds = new SingleConnectionDataSource(c, true);
            try {
                flyway(ds, schema, "7").migrate();
                UUID comment = UUID.randomUUID();
                try (Statement s = c.createStatement()) {
                    s.execute("set search_path to " + schema);
                    UUID post = UUID.randomUUID();
                    s.execute("insert into post (id, slug, title, markdown, html, excerpt, status, difficulty,"
                            + " reading_minutes, author_id, author_name) values ('" + post
                            + "', 'p', 'P', 'm', 'h', 'e', 'PUBLISHED', 'BEGINNER', 1, '" + UUID.randomUUID()
                            + "', 'A')");
                    s.execute("insert into comment (id, post_id, author_name, body, status) values ('" + comment
                            + "', '" + post + "', 'A', 'b', 'APPROVED')");
                }
                Map<String, String> before = new LinkedHashMap<>();
                before.put("spam", "SPAM");
                before.put(" Off-topic ", "OFF_TOPIC");
                before.put("off topic", "OFF_TOPIC");
                before.put("HARASSMENT", "HARASSMENT");
                before.put("It insults other readers.", "OTHER");
                Map<String, UUID> reporters = new LinkedHashMap<>();
                for (String reason : before.keySet()) {
                    UUID reporter = UUID.randomUUID();
                    reporters.put(reason, reporter);
                    try (var ps = c.prepareStatement(
                            "insert into comment_report (comment_id, reporter_id, reason) values (?, ?, ?)")) {
                        ps.setObject(1, comment);
                        ps.setObject(2, reporter);
                        ps.setString(3, reason);
                        ps.executeUpdate();
                    }
                }

                flyway(ds, schema, "latest").migrate();

                for (Map.Entry<String, String> e : before.entrySet()) {
                    try (var ps = c.prepareStatement("select reason, note from comment_report where reporter_id = ?")) {
                        ps.setObject(1, reporters.get(e.getKey()));
                        try (ResultSet rs = ps.executeQuery()) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString("reason")).as(e.getKey()).isEqualTo(e.getValue());
                            assertThat(rs.getString("note"))
                                    .as(e.getKey())
                                    .isEqualTo(e.getValue().equals("OTHER") ? e.getKey() : null);
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.execute("insert into comment_report (comment_id, reporter_id, reason)"
                                    + " values ('" + comment + "', '" + UUID.randomUUID() + "', 'RUDE')"))
                            .as("the set is enforced by the table too")
                            .isInstanceOf(SQLException.class);
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("drop schema if exists " + schema + " cascade");
                }
            }
        }
    }

    private static Flyway flyway(SingleConnectionDataSource ds, String schema, String target) {
        return Flyway.configure()
                .dataSource(ds)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }
}
