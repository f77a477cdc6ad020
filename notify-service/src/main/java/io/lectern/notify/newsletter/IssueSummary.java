package io.lectern.notify.newsletter;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * One issue in the list of past issues. Notify has no drafts or scheduled issues: an issue is sent
 * when it is created, so {@code sentAt} is its creation time and {@code status} is {@code sending}
 * while any delivery is waiting or in the mail queue, {@code sent} once every one has ended. The counts
 * are the same as the issue's own status ({@code queued} includes e-mails being sent).
 */
record IssueSummary(
        UUID id,
        String subject,
        @Schema(allowableValues = {SENDING, SENT}) String status,
        Instant sentAt,
        long recipients,
        long pending,
        long queued,
        long sent,
        long failed,
        long skipped) {

    static final String SENDING = "sending";
    static final String SENT = "sent";
}
