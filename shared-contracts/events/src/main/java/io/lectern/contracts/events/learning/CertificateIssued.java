package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A certificate was issued (level COMPLETED or RETAINED); notify tells the learner it is ready. */
@EventType("learning.certificate-issued.v1")
public record CertificateIssued(
        UUID certificateId,
        UUID userId,
        UUID seriesId,
        String seriesTitle,
        String level,
        String verifyUrl,
        Instant issuedAt) {}
