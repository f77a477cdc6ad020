package io.lectern.learning.certificate;

import io.lectern.learning.problem.LearningProblem;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Certificates: claim, list, PDF (the holder's), admin revocation, and the public endpoints a third
 * party uses without an account: verify by id or by presented credential, the JWKS, the signing keys
 * as PEM, and the signed revocation status list.
 */
@RestController
@RequestMapping("/api/v1/certificates")
class CertificateController {

    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    private final Certificates certificates;

    CertificateController(Certificates certificates) {
        this.certificates = certificates;
    }

    @PostMapping
    ResponseEntity<CertificateApi.CertificateResponse> claim(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CertificateApi.ClaimRequest request) {
        Certificates.Claimed c = certificates.claim(user(jwt), request.seriesId(), request.level());
        return ResponseEntity.status(c.issued() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(response(c.certificate()));
    }

    @GetMapping
    CertificateApi.CertificateList mine(@AuthenticationPrincipal Jwt jwt) {
        return new CertificateApi.CertificateList(
                certificates.mine(user(jwt)).stream().map(this::response).toList());
    }

    @GetMapping(value = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        CertificateStore.Row row = certificates.owned(user(jwt), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("lectern-certificate-" + id + ".pdf")
                                .build()
                                .toString())
                .body(certificates.pdf(row));
    }

    @PostMapping("/{id}/revocation")
    @PreAuthorize("hasRole('ADMIN')")
    CertificateApi.CertificateResponse revoke(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID id,
            @Valid @RequestBody CertificateApi.RevokeRequest request) {
        return response(certificates.revoke(id, request.reason(), user(jwt)));
    }

    /** Public: valid, revoked or unknown, for the id in a verify URL or QR code. */
    @GetMapping("/verify/{id}")
    CertificateApi.VerifyResponse verify(@PathVariable UUID id) {
        return certificates.verify(id);
    }

    /** Public: checks a presented credential (compact VC-JWT) against our keys and status list. */
    @PostMapping("/verify")
    CertificateApi.VerifyResponse verifyPresented(@Valid @RequestBody CertificateApi.VerifyRequest request) {
        return certificates.verifyPresented(request.credential());
    }

    /** Public: every key a certificate was ever signed with. */
    @GetMapping(value = "/jwks.json", produces = "application/jwk-set+json")
    Map<String, Object> jwks() {
        return certificates.jwks();
    }

    /** Public: one signing key as PEM, for openssl; {@code keyId} is the part of the kid after '#'. */
    @GetMapping(value = "/keys/{keyId}.pem", produces = "application/x-pem-file")
    String pem(@PathVariable String keyId) {
        return certificates.publicKeyPem(keyId).orElseThrow(() -> LearningProblem.unknown("keyId", "The key"));
    }

    /** Public: the signed Bitstring Status List credential the certificates' credentialStatus points at. */
    @GetMapping(value = "/status-list", produces = "application/vc+jwt")
    String statusList() {
        return certificates.statusListCredential();
    }

    private CertificateApi.CertificateResponse response(CertificateStore.Row r) {
        return new CertificateApi.CertificateResponse(
                r.id(),
                r.seriesId(),
                r.seriesTitle(),
                r.holderName(),
                r.level(),
                r.issuedAt(),
                r.revokedAt(),
                certificates.verifyUrl(r.id()),
                "/api/v1/certificates/" + r.id() + "/pdf",
                r.credential());
    }

    private static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
