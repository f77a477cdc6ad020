package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lectern.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's database role owns its schema and can touch nothing else: not another service's
 * tables (read or write), not another schema's objects, not the shared public schema. Checked for
 * every ordered pair of services on a database laid out by the production init script.
 */
class DatabaseRoleIsolationTest {

    static final List<String> SCHEMAS = List.of("identity", "content", "learning", "ai", "billing", "notify");
    static final TestInfrastructure infra = TestInfrastructure.get();

    @BeforeAll
    static void eachServiceOwnsAProbeTable() throws SQLException {
        for (String schema : SCHEMAS) {
            try (Connection c = infra.asService(schema);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".probe (secret text)");
                s.execute("INSERT INTO " + schema + ".probe VALUES ('" + schema + "-secret')");
            }
        }
    }

    static Stream<Arguments> pairs() {
        return SCHEMAS.stream()
                .flatMap(a -> SCHEMAS.stream().filter(b -> !a.equals(b)).map(b -> Arguments.of(a, b)));
    }

    @ParameterizedTest(name = "{0} cannot read or write {1}")
    @MethodSource("pairs")
    void aServiceRoleCannotReadOrWriteAnotherServicesSchema(String self, String other) throws SQLException {
        try (Connection c = infra.asService(self);
                Statement s = c.createStatement()) {
            assertPermissionDenied(() -> s.executeQuery("SELECT secret FROM " + other + ".probe"));
            assertPermissionDenied(() -> s.executeUpdate("INSERT INTO " + other + ".probe VALUES ('x')"));
            assertPermissionDenied(() -> s.execute("CREATE TABLE " + other + ".intruder (x int)"));
        }
    }

    @ParameterizedTest(name = "{0} reads its own schema but cannot create in public")
    @MethodSource("io.lectern.systemtests.DatabaseRoleIsolationTest#schemas")
    void aServiceRoleWorksInItsOwnSchemaOnly(String self) throws SQLException {
        try (Connection c = infra.asService(self);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT secret FROM " + self + ".probe")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(self + "-secret");
            }
            assertPermissionDenied(() -> s.execute("CREATE TABLE public.intruder_" + self + " (x int)"));
        }
    }

    static Stream<String> schemas() {
        return SCHEMAS.stream();
    }

    interface SqlAction {
        void run() throws SQLException;
    }

    static void assertPermissionDenied(SqlAction action) {
        assertThatThrownBy(action::run)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }
}
