package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here to run compose, so this reads the compose file and checks what a
 * one-VPS deployment depends on: healthchecks and healthy-dependency ordering, memory limits that fit
 * a 2 GB box, only the gateway published, Redis persistence, non-root images, and no committed secret.
 */
class ComposeFileTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> APPS = List.of("identity", "content", "learning", "ai", "billing", "notify", "gateway");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).load(Files.readString(ROOT.resolve("compose/docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    static Map<String, Map<String, Object>> defaultProfileServices() throws IOException {
        Map<String, Map<String, Object>> all = new java.util.LinkedHashMap<>(services());
        all.values().removeIf(s -> s.containsKey("profiles"));
        return all;
    }

    @Test
    void everyAppAndDatabaseHasAHealthcheck() throws IOException {
        for (var e : defaultProfileServices().entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).containsKey("healthcheck");
        }
        assertThat(defaultProfileServices().keySet()).containsAll(APPS).contains("postgres", "redis");
    }

    @Test
    @SuppressWarnings("unchecked")
    void appsStartOnlyAfterWhatTheyNeedIsHealthy() throws IOException {
        for (String app : APPS) {
            Map<String, Map<String, String>> deps =
                    (Map<String, Map<String, String>>) services().get(app).get("depends_on");
            assertThat(deps)
                    .as(app)
                    .containsKeys(
                            app.equals("gateway")
                                    ? new String[] {"identity", "content", "learning", "ai", "billing", "notify"}
                                    : new String[] {"postgres", "redis"});
            deps.values().forEach(d -> assertThat(d).containsEntry("condition", "service_healthy"));
        }
    }

    @Test
    void memoryLimitsFitATwoGigabyteVps() throws IOException {
        long total = 0;
        for (var e : defaultProfileServices().entrySet()) {
            Object limit = e.getValue().get("mem_limit");
            assertThat(limit).as(e.getKey() + " mem_limit").isNotNull();
            total += mebibytes(limit.toString());
        }
        // 2 GiB less ~130 MiB for the kernel and sshd: seven JVM apps, the web app, PostgreSQL and Redis
        assertThat(total).as("sum of mem_limit in MiB").isLessThanOrEqualTo(1920);
        assertThat(mebibytes(services().get("web").get("mem_limit").toString()))
                .as("web mem_limit")
                .isLessThanOrEqualTo(128);
        for (String app : APPS) {
            assertThat(mebibytes(services().get(app).get("mem_limit").toString()))
                    .isLessThanOrEqualTo(200);
        }
    }

    @Test
    void onlyTheGatewayPublishesAPort() throws IOException {
        for (var e : services().entrySet()) {
            Object ports = e.getValue().get("ports");
            if (e.getKey().equals("gateway")) {
                assertThat(ports).isNotNull();
            } else if (ports != null) {
                // opt-in helpers (mail catcher) may only bind to loopback
                assertThat(e.getValue()).containsKey("profiles");
                ((List<?>) ports).forEach(p -> assertThat(p.toString()).startsWith("127.0.0.1:"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void redisPersistsWithAppendOnlyEverySecond() throws IOException {
        String command = String.join(" ", (List<String>) services().get("redis").get("command"));
        assertThat(command).contains("--appendonly yes").contains("--appendfsync everysec");
        assertThat((List<String>) services().get("redis").get("volumes")).anyMatch(v -> v.endsWith(":/data"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresIsPgvectorWithTheSameInitScriptAsLocalRuns() throws IOException {
        Map<String, Object> pg = services().get("postgres");
        assertThat(pg.get("image").toString()).startsWith("pgvector/pgvector:");
        assertThat((List<String>) pg.get("volumes")).contains("./postgres/init:/docker-entrypoint-initdb.d:ro");
        String init = Files.readString(ROOT.resolve("compose/postgres/init/10-lectern.sql"));
        for (String schema : List.of("identity", "content", "learning", "ai", "billing", "notify")) {
            assertThat(init).contains("'" + schema + "'");
        }
        assertThat(init).contains("CREATE EXTENSION IF NOT EXISTS vector");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWebAppRunsReadOnlyAsNonRootWithACappedHeapAndTheGatewayWaitsForIt() throws IOException {
        Map<String, Object> web = services().get("web");
        assertThat(web).containsEntry("read_only", true).containsKey("healthcheck");
        assertThat((List<String>) web.get("tmpfs")).contains("/app/.next/cache");
        String dockerfile = Files.readString(ROOT.resolve("compose/web.Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^USER 10001").contains("--max-old-space-size=96");
        Map<String, Map<String, String>> gatewayDeps =
                (Map<String, Map<String, String>>) services().get("gateway").get("depends_on");
        assertThat(gatewayDeps).containsKey("web");
        assertThat((Map<String, String>) services().get("gateway").get("environment"))
                .containsEntry("LECTERN_WEB_URL", "http://web:8087");
    }

    @Test
    void imagesRunAsNonRootOnTemurin25() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("compose/Dockerfile"));
        assertThat(dockerfile).contains("FROM eclipse-temurin:25-jre").containsPattern("(?m)^USER 10001");
        for (String app : APPS) {
            assertThat(services().get(app)).containsEntry("read_only", true);
        }
    }

    @Test
    void noSecretIsCommittedAndEverySettingIsDocumented() throws IOException {
        String composeText = Files.readString(ROOT.resolve("compose/docker-compose.yml"));
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(composeText);
        Set<String> referenced = new TreeSet<>();
        while (m.find()) {
            referenced.add(m.group(1));
        }
        String example = Files.readString(ROOT.resolve("compose/.env.example"));
        for (String variable : referenced) {
            assertThat(example).as("documented in .env.example").containsPattern("(?m)^" + variable + "=");
        }
        Matcher secrets = Pattern.compile("(?m)^([A-Z0-9_]*(PASSWORD|SECRET|KEY)[A-Z0-9_]*)=(.*)$")
                .matcher(example);
        int count = 0;
        while (secrets.find()) {
            count++;
            assertThat(secrets.group(3))
                    .as(secrets.group(1) + " must be empty in the example")
                    .isEmpty();
        }
        assertThat(count).isGreaterThanOrEqualTo(8);
        assertThat(composeText).doesNotContainPattern("(?i)(password|secret|api_key)\\s*:\\s*[^$\\s{][^\\s]*\\s*$");
        assertThat(Files.exists(ROOT.resolve("compose/.env")))
                .as("no .env committed next to compose")
                .isFalse();
    }

    static long mebibytes(String limit) {
        String v = limit.trim().toLowerCase();
        if (v.endsWith("g")) {
            return Long.parseLong(v.substring(0, v.length() - 1)) * 1024;
        }
        if (v.endsWith("m")) {
            return Long.parseLong(v.substring(0, v.length() - 1));
        }
        throw new IllegalArgumentException("unexpected memory limit " + limit);
    }
}
