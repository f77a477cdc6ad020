package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** An admin revoked a certificate; its status-list bit is set from now on. */
@EventType("learning.certificate-revoked.v1")
public record CertificateRevoked(
        UUID certificateId, UUID userId, UUID seriesId, String level, String reason, Instant revokedAt) {}
