package io.lectern.platform.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Whether a Flyway history table already holds every versioned SQL migration a jar packages, read
 * with plain JDBC so that an up-to-date schema never loads Flyway (about 1,000 classes with the
 * Jackson 2 it builds its configuration with, ADR 0005 item 9). "Applied" means: a successful row
 * for each packaged version whose checksum is the one Flyway computes for that file, and no failed
 * row at all. Anything else (a missing version, a changed file, a failed migration, no history table)
 * is left to Flyway, which applies, validates and reports exactly as before.
 */
public final class AppliedMigrations {

    /** Flyway's default naming: {@code V<version>__<description>.sql}, version parts split by {@code .} or {@code _}. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    /** One packaged migration: its normalised version, Flyway's checksum of it, its file name. */
    public record Migration(String version, int checksum, String file) {}

    /** The outcome, with the reason when Flyway has to run. */
    public record Verdict(boolean applied, int count, String reason) {
        static Verdict pending(int count, String reason) {
            return new Verdict(false, count, reason);
        }
    }

    private AppliedMigrations() {}

    /**
     * The versioned SQL migrations under a classpath location ({@code db/migration}), searched in every
     * class path entry and below sub-folders as Flyway does, in version order.
     */
    public static List<Migration> packaged(String location, ClassLoader classLoader) {
        String base = location.replaceFirst("^classpath:", "").replaceAll("^/+|/+$", "");
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(classLoader)
                    .getResources("classpath*:" + base + "/**/*.sql");
            List<Migration> out = new ArrayList<>();
            for (Resource resource : resources) {
                String file = resource.getFilename();
                Matcher m = file == null ? null : VERSIONED.matcher(file);
                if (m != null && m.matches()) {
                    out.add(new Migration(normalise(m.group(1)), checksum(resource), file));
                }
            }
            out.sort(Comparator.comparing(mig -> parts(mig.version()), AppliedMigrations::compareParts));
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the migrations under " + location, e);
        }
    }

    /**
     * Compares the packaged migrations with {@code schema.table}. Never throws for a database state:
     * a missing table or an unreadable history is a "not applied" verdict.
     */
    public static Verdict check(Connection connection, String schema, String table, List<Migration> packaged)
            throws SQLException {
        if (!IDENTIFIER.matcher(schema).matches() || !IDENTIFIER.matcher(table).matches()) {
            return Verdict.pending(packaged.size(), "schema or history table name is not a plain identifier");
        }
        if (packaged.isEmpty()) {
            return Verdict.pending(0, "no migration is packaged");
        }
        if (!tableExists(connection, schema, table)) {
            return Verdict.pending(packaged.size(), "there is no history table " + schema + "." + table);
        }
        Map<String, Integer> applied = new HashMap<>();
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version, checksum, success from " + schema + "." + table
                        + " where version is not null")) {
            while (rows.next()) {
                if (!rows.getBoolean("success")) {
                    return Verdict.pending(packaged.size(), "version " + rows.getString("version") + " failed");
                }
                int checksum = rows.getInt("checksum");
                applied.put(normalise(rows.getString("version")), rows.wasNull() ? null : checksum);
            }
        }
        for (Migration migration : packaged) {
            if (!applied.containsKey(migration.version())) {
                return Verdict.pending(packaged.size(), migration.file() + " is not applied");
            }
            Integer checksum = applied.get(migration.version());
            if (checksum == null || checksum != migration.checksum()) {
                return Verdict.pending(packaged.size(), migration.file() + " differs from the applied version");
            }
        }
        return new Verdict(true, packaged.size(), "every packaged migration is applied");
    }

    /**
     * Flyway's checksum of a SQL file: CRC32 over the UTF-8 bytes of each line without its line break,
     * a byte order mark removed from the first line (Flyway's {@code ChecksumCalculator}).
     */
    static int checksum(Resource resource) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8), 4096)) {
            String line = reader.readLine();
            if (line != null) {
                if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                do {
                    crc.update(line.getBytes(StandardCharsets.UTF_8));
                } while ((line = reader.readLine()) != null);
            }
        }
        return (int) crc.getValue();
    }

    /** "1_1" and "01.10.0" become "1.1" and "1.10": Flyway compares versions part by part, numerically. */
    static String normalise(String version) {
        List<BigInteger> parts = parts(version.replace('_', '.'));
        int end = parts.size();
        while (end > 1 && parts.get(end - 1).signum() == 0) {
            end--;
        }
        return String.join(
                ".", parts.subList(0, end).stream().map(BigInteger::toString).toList());
    }

    private static List<BigInteger> parts(String version) {
        return Arrays.stream(version.split("\\.")).map(BigInteger::new).toList();
    }

    private static int compareParts(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        try (var statement = connection.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = ?")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
