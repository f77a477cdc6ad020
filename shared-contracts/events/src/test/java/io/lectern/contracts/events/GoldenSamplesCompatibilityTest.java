package io.lectern.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events only ever gain fields. One golden sample per {@link EventType} record, written when the type
 * was introduced, under {@code golden/<type>.json}; every field of a sample must still read into the
 * record with the same JSON shape and value. Extra fields in a record are fine; a removed, renamed or
 * retyped one fails here, and so does a new record without a sample.
 */
class GoldenSamplesCompatibilityTest {

    // Strict on purpose: an unknown property means a field was removed or renamed, a coerced scalar
    // means it was retyped. Consumers themselves read leniently.
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void everyEventRecordHasAGoldenSample() throws Exception {
        Map<String, Class<?>> records = eventRecords();
        assertThat(records).as("@EventType records found by scanning").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String type : records.keySet()) {
            if (getClass().getResource("/golden/" + type + ".json") == null) {
                missing.add(type);
            }
        }
        assertThat(missing)
                .as("records without src/test/resources/golden/<type>.json (write one sample per new type)")
                .isEmpty();
    }

    @Test
    void everyGoldenSampleBelongsToARecordThatStillExists() throws Exception {
        Map<String, Class<?>> records = eventRecords();
        List<String> orphans = new ArrayList<>();
        for (Resource sample : new PathMatchingResourcePatternResolver().getResources("classpath*:golden/*.json")) {
            String type = sample.getFilename().replaceFirst("\\.json$", "");
            if (!records.containsKey(type)) {
                orphans.add(type);
            }
        }
        assertThat(orphans)
                .as("golden samples whose type no record declares any more (types are never removed)")
                .isEmpty();
    }

    @Test
    void everyFieldOfEveryGoldenSampleStillReadsIntoItsRecordWithTheSameJson() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Class<?>> record : eventRecords().entrySet()) {
            JsonNode golden = golden(record.getKey());
            if (golden == null) {
                continue; // reported by everyEventRecordHasAGoldenSample
            }
            Object value;
            try {
                value = STRICT.treeToValue(golden, record.getValue());
            } catch (RuntimeException e) {
                problems.add(record.getKey() + ": sample no longer reads into "
                        + record.getValue().getSimpleName() + ": " + e.getMessage());
                continue;
            }
            JsonNode written = STRICT.valueToTree(value);
            for (Map.Entry<String, JsonNode> field : golden.properties()) {
                JsonNode now = written.get(field.getKey());
                if (now == null || !sameJson(field.getValue(), now)) {
                    problems.add(record.getKey() + "." + field.getKey() + ": was " + field.getValue() + ", now " + now);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Equal JSON; numbers compare by value and kind (an int sample read into a long is the same JSON). */
    private static boolean sameJson(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.isIntegralNumber() == actual.isIntegralNumber()
                    && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    /** Finds every @EventType record under io.lectern.contracts.events by classpath scanning. */
    static Map<String, Class<?>> eventRecords() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventType.class));
        Map<String, Class<?>> records = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("io.lectern.contracts.events")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            assertThat(type.isRecord()).as(type + " must be a record").isTrue();
            Class<?> previous = records.put(EventEnvelope.typeOf(type), type);
            assertThat(previous)
                    .as("two records declare " + EventEnvelope.typeOf(type))
                    .isNull();
        }
        return records;
    }

    private JsonNode golden(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + type + ".json")) {
            return in == null ? null : STRICT.readTree(in);
        }
    }
}
