package io.lectern.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The PostgreSQL and Redis one test JVM uses. By default the real servers on this machine
 * ({@code LECTERN_TEST_PG_HOST/PORT/USER}, {@code LECTERN_TEST_REDIS_HOST/PORT}); when they are not
 * reachable and a Docker engine is, Testcontainers starts {@code pgvector/pgvector} and {@code redis}
 * instead ({@code LECTERN_TEST_INFRA=local|testcontainers} forces one). Each JVM gets a database of its
 * own, laid out by the same init script as production and dropped when the JVM exits, and a Redis key
 * namespace of its own, so runs never see each other's data.
 */
public final class TestInfrastructure {

    private static volatile TestInfrastructure instance;

    private final String pgHost;
    private final int pgPort;
    private final String pgAdmin;
    private final String pgAdminPassword;
    private final String redisHost;
    private final int redisPort;
    private final String database;
    private final String namespace;

    private TestInfrastructure(
            String pgHost, int pgPort, String pgAdmin, String pgAdminPassword, String redisHost, int redisPort) {
        this.pgHost = pgHost;
        this.pgPort = pgPort;
        this.pgAdmin = pgAdmin;
        this.pgAdminPassword = pgAdminPassword;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.database = "lectern_test_" + run;
        this.namespace = "test-" + run;
    }

    public static TestInfrastructure get() {
        TestInfrastructure local = instance;
        if (local == null) {
            synchronized (TestInfrastructure.class) {
                local = instance;
                if (local == null) {
                    local = start();
                    local.createDatabase();
                    TestInfrastructure created = local;
                    Runtime.getRuntime().addShutdownHook(new Thread(created::dropDatabase, "drop-test-database"));
                    instance = local;
                }
            }
        }
        return local;
    }

    private static TestInfrastructure start() {
        String mode = env("LECTERN_TEST_INFRA", "auto");
        String pgHost = env("LECTERN_TEST_PG_HOST", "127.0.0.1");
        int pgPort = Integer.parseInt(env("LECTERN_TEST_PG_PORT", "5432"));
        String redisHost = env("LECTERN_TEST_REDIS_HOST", "127.0.0.1");
        int redisPort = Integer.parseInt(env("LECTERN_TEST_REDIS_PORT", "6379"));
        boolean localUp = reachable(pgHost, pgPort) && reachable(redisHost, redisPort);
        if (mode.equals("local") || (mode.equals("auto") && localUp)) {
            if (!localUp) {
                throw new IllegalStateException("PostgreSQL " + pgHost + ":" + pgPort + " or Redis " + redisHost + ":"
                        + redisPort + " is not reachable; run ./lectern setup first");
            }
            return new TestInfrastructure(
                    pgHost,
                    pgPort,
                    env("LECTERN_TEST_PG_USER", "postgres"),
                    env("LECTERN_TEST_PG_PASSWORD", ""),
                    redisHost,
                    redisPort);
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException(
                    "Neither local PostgreSQL/Redis nor a Docker engine is available for the tests");
        }
        return startContainers();
    }

    @SuppressWarnings("resource") // containers live as long as the JVM; Ryuk removes them afterwards
    private static TestInfrastructure startContainers() {
        GenericContainer<?> pg = new GenericContainer<>(DockerImageName.parse("pgvector/pgvector:pg15"))
                .withEnv("POSTGRES_PASSWORD", "postgres")
                .withExposedPorts(5432)
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 2));
        GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7.0"))
                .withExposedPorts(6379)
                .waitingFor(Wait.forListeningPort());
        pg.start();
        redis.start();
        return new TestInfrastructure(
                pg.getHost(),
                pg.getMappedPort(5432),
                "postgres",
                "postgres",
                redis.getHost(),
                redis.getMappedPort(6379));
    }

    private void createDatabase() {
        try (Connection c = admin("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + database, e);
        }
        try (Connection c = admin(database);
                Statement s = c.createStatement()) {
            s.execute(initScript());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lay out test database " + database, e);
        }
    }

    private void dropDatabase() {
        try (Connection c = admin("postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private static String initScript() {
        try (InputStream in = TestInfrastructure.class.getResourceAsStream("/lectern/db/10-lectern.sql")) {
            if (in == null) {
                throw new IllegalStateException("lectern/db/10-lectern.sql missing from test-support");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A superuser connection to the given database of this run's server. */
    public Connection admin(String db) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(db), pgAdmin, pgAdminPassword);
    }

    /** A connection to this run's database as the given service's own role. */
    public Connection asService(String schema) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database) + "&currentSchema=" + schema, "lectern_" + schema, "");
    }

    /** The superuser {@link #admin} connects as, for tools that take a user name and password. */
    public String adminUser() {
        return pgAdmin;
    }

    public String adminPassword() {
        return pgAdminPassword;
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + db + "?ApplicationName=lectern-test";
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String database() {
        return database;
    }

    public String pgHost() {
        return pgHost;
    }

    public int pgPort() {
        return pgPort;
    }

    public String redisHost() {
        return redisHost;
    }

    public int redisPort() {
        return redisPort;
    }

    /** A prefix unique to this JVM for every Redis key and stream the tests create. */
    public String namespace() {
        return namespace;
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
