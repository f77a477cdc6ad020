package io.lectern.learning.certificate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the JSON of an Open Badges 3.0 {@code OpenBadgeCredential} (a W3C VC Data Model 2.0
 * credential) and of the Bitstring Status List credential that says whether it is revoked. Pure: the
 * URLs come from the issuer's public base URL.
 */
final class CredentialDocuments {

    static final List<String> CONTEXT = List.of(
            "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");

    private final String baseUrl;
    private final String issuerName;

    CredentialDocuments(String baseUrl, String issuerName) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.issuerName = issuerName;
    }

    String issuerId() {
        return baseUrl;
    }

    String credentialId(UUID certificateId) {
        return baseUrl + "/api/v1/certificates/verify/" + certificateId;
    }

    /** The URL a person opens (or a QR code carries) to check a certificate; needs no login. */
    String verifyUrl(UUID certificateId) {
        return credentialId(certificateId);
    }

    String jwksUrl() {
        return baseUrl + "/api/v1/certificates/jwks.json";
    }

    String statusListUrl() {
        return baseUrl + "/api/v1/certificates/status-list";
    }

    String achievementId(UUID seriesId, Level level) {
        return baseUrl + "/api/v1/certificates/achievements/" + seriesId + "/"
                + level.name().toLowerCase();
    }

    /** sha256 of the holder's id with a per-certificate salt, in the Open Badges {@code identityHash} form. */
    static String identityHash(UUID userId, String salt) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((userId + salt).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> credential(CredentialFacts f) {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", achievementId(f.seriesId(), f.level()));
        achievement.put("type", List.of("Achievement"));
        achievement.put("name", f.seriesTitle() + " — " + f.level().label());
        achievement.put("description", description(f));
        achievement.put("criteria", Map.of("narrative", criteria(f.level())));

        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        subject.put("name", f.holderName());
        subject.put(
                "identifier",
                List.of(Map.of(
                        "type",
                        "IdentityObject",
                        "identityType",
                        "identifier",
                        "hashed",
                        true,
                        "identityHash",
                        f.holderIdentityHash(),
                        "salt",
                        f.holderIdentitySalt())));
        subject.put("achievement", achievement);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", statusListUrl() + "#" + f.statusIndex());
        status.put("type", "BitstringStatusListEntry");
        status.put("statusPurpose", "revocation");
        status.put("statusListIndex", Integer.toString(f.statusIndex()));
        status.put("statusListCredential", statusListUrl());

        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", CONTEXT);
        vc.put("id", credentialId(f.certificateId()));
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("name", f.seriesTitle() + " — " + f.level().label());
        vc.put("issuer", issuer());
        vc.put("validFrom", f.issuedAt().toString());
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", status);
        return vc;
    }

    Map<String, Object> statusListCredential(StatusList list, java.time.Instant validFrom) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", statusListUrl() + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", list.encode());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("id", statusListUrl());
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", issuer());
        vc.put("validFrom", validFrom.toString());
        vc.put("credentialSubject", subject);
        return vc;
    }

    private Map<String, Object> issuer() {
        return Map.of("id", issuerId(), "type", List.of("Profile"), "name", issuerName);
    }

    private static String description(CredentialFacts f) {
        return switch (f.level()) {
            case COMPLETED -> "Read every post of the series \"" + f.seriesTitle() + "\" and passed its final quiz.";
            case RETAINED ->
                "Completed the series \"" + f.seriesTitle() + "\" and still knew it at least 14 days later.";
        };
    }

    private static String criteria(Level level) {
        return switch (level) {
            case COMPLETED -> "All posts of the series read and the series' final quiz passed.";
            case RETAINED ->
                "At least 14 days after completion: the recall probability of the series' review cards above"
                        + " the learner's desired retention, or a retention quiz passed.";
        };
    }
}
