package io.lectern.learning.certificate;

import java.time.Instant;
import java.util.UUID;

/** What one certificate states, before it becomes a credential. */
record CredentialFacts(
        UUID certificateId,
        String holderName,
        String holderIdentityHash,
        String holderIdentitySalt,
        UUID seriesId,
        String seriesTitle,
        Level level,
        Instant issuedAt,
        int statusIndex) {}
