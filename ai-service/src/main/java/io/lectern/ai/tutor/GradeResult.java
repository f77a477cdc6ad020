package io.lectern.ai.tutor;

import java.util.List;

/** How well a free-text answer matches the reference (contract with learning-service). */
public record GradeResult(
        double score,
        double similarity,
        List<String> coveredTerms,
        List<String> missingTerms,
        String feedback,
        String method) {}
