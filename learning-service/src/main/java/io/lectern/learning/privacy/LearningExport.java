package io.lectern.learning.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Collects every feature's section of a user's learning export. */
@Component
public class LearningExport {

    private final List<UserDataExporter> exporters;
    private final Clock clock;

    LearningExport(List<UserDataExporter> exporters, Clock clock) {
        this.exporters = exporters;
        this.clock = clock;
        long distinct =
                exporters.stream().map(UserDataExporter::section).distinct().count();
        if (distinct != exporters.size()) {
            throw new IllegalStateException("two UserDataExporters share a section name");
        }
    }

    @Transactional(readOnly = true)
    public ExportResponse export(UUID userId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        exporters.stream()
                .sorted(java.util.Comparator.comparing(UserDataExporter::section))
                .forEach(e -> sections.put(e.section(), e.export(userId)));
        return new ExportResponse(userId, clock.instant(), sections);
    }

    /** The learning part of a user's data export. */
    public record ExportResponse(UUID userId, Instant exportedAt, Map<String, Object> sections) {}
}
