package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.contracts.events.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * docs/events.md stays true with the code: every event type has exactly one catalogue row naming its
 * record and producer, and the "consumers today" column is exactly the set of services whose
 * {@code EventSubscriptions} subscribe to it.
 */
class EventsCatalogueTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("identity", "content", "learning", "ai", "billing", "notify");
    static final Pattern ROW =
            Pattern.compile("^\\| `([^`]+)` \\| `(\\w+)` \\| (\\w+) \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void everyEventTypeHasOneTrueCatalogueRow() throws Exception {
        Map<String, String> recordByType = new HashMap<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        for (var candidate : scanner.findCandidateComponents("io.lectern.contracts.events")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            recordByType.put(type.getAnnotation(EventType.class).value(), type.getSimpleName());
        }
        assertThat(recordByType).hasSizeGreaterThanOrEqualTo(20);

        Map<String, Set<String>> subscribers = subscriptionsInCode();
        String catalogue = Files.readString(ROOT.resolve("docs/events.md"));
        Matcher rows = ROW.matcher(catalogue);
        Map<String, Integer> seen = new HashMap<>();
        while (rows.find()) {
            String type = rows.group(1);
            seen.merge(type, 1, Integer::sum);
            assertThat(recordByType).as("row for unknown type " + type).containsKey(type);
            assertThat(rows.group(2)).as(type + " record").isEqualTo(recordByType.get(type));
            assertThat(rows.group(3)).as(type + " producer").isEqualTo(type.substring(0, type.indexOf('.')));
            Set<String> documented = Arrays.stream(rows.group(4).split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty() && !s.equals("—"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(documented)
                    .as(type + " consumers today")
                    .isEqualTo(subscribers.getOrDefault(recordByType.get(type), Set.of()));
        }
        assertThat(seen.keySet()).as("types with a catalogue row").isEqualTo(recordByType.keySet());
        assertThat(seen.values()).allMatch(n -> n == 1);
    }

    /** Record simple name → services whose main code subscribes with {@code .on(Record.class, ...)}. */
    static Map<String, Set<String>> subscriptionsInCode() throws Exception {
        Pattern on = Pattern.compile("\\.on\\(\\s*(\\w+)\\.class");
        Map<String, Set<String>> result = new HashMap<>();
        for (String service : SERVICES) {
            Path src = ROOT.resolve(service + "-service/src/main/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(src)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = on.matcher(Files.readString(file));
                    while (m.find()) {
                        result.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(service);
                    }
                }
            }
        }
        return result;
    }
}
