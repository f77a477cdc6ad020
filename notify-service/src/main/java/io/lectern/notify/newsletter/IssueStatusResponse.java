package io.lectern.notify.newsletter;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An issue's delivery: counts per state and each recipient's state (pending, queued, sending, sent, failed, skipped). */
record IssueStatusResponse(
        UUID id,
        String subject,
        int recipients,
        long pending,
        long queued,
        long sent,
        long failed,
        long skipped,
        List<RecipientStatus> deliveries) {

    record RecipientStatus(
            UUID subscriberId,
            @Nullable String email,
            String status,
            @Nullable String error) {}

    static IssueStatusResponse of(UUID id, String subject, List<RecipientStatus> deliveries) {
        return new IssueStatusResponse(
                id,
                subject,
                deliveries.size(),
                count(deliveries, "pending"),
                count(deliveries, "queued") + count(deliveries, "sending"),
                count(deliveries, "sent"),
                count(deliveries, "failed"),
                count(deliveries, "skipped"),
                deliveries);
    }

    private static long count(List<RecipientStatus> deliveries, String status) {
        return deliveries.stream().filter(d -> d.status().equals(status)).count();
    }
}
