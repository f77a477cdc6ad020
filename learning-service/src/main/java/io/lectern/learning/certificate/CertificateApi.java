package io.lectern.learning.certificate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the certificate API. */
final class CertificateApi {

    private CertificateApi() {}

    record ClaimRequest(@NotNull UUID seriesId, @Nullable Level level) {}

    record CertificateResponse(
            UUID id,
            UUID seriesId,
            String seriesTitle,
            String holderName,
            Level level,
            Instant issuedAt,
            @Nullable Instant revokedAt,
            String verifyUrl,
            String pdfUrl,
            String credential) {}

    record CertificateList(List<CertificateResponse> certificates) {}

    enum Status {
        VALID,
        REVOKED,
        UNKNOWN,
        INVALID
    }

    /** What the public verify endpoint says; {@code reason} explains INVALID. */
    record VerifyResponse(
            Status status,
            @Nullable String reason,
            @Nullable UUID certificateId,
            @Nullable String holderName,
            @Nullable String seriesTitle,
            @Nullable String level,
            @Nullable Instant issuedAt,
            @Nullable Instant revokedAt,
            @Nullable String revocationReason,
            @Nullable String issuer,
            @Nullable String credential) {

        static VerifyResponse of(Status status, @Nullable String reason) {
            return new VerifyResponse(status, reason, null, null, null, null, null, null, null, null, null);
        }
    }

    record VerifyRequest(@NotBlank @Size(max = 20_000) String credential) {}

    record RevokeRequest(@NotBlank @Size(max = 500) String reason) {}
}
