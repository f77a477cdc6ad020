package io.lectern.learning.certificate;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.lectern.contracts.events.learning.CertificateIssued;
import io.lectern.contracts.events.learning.CertificateRevoked;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.learner.Learner;
import io.lectern.learning.learner.Learners;
import io.lectern.learning.problem.LearningProblem;
import io.lectern.learning.quiz.QuizService;
import io.lectern.learning.series.SeriesCatalog;
import io.lectern.learning.series.SeriesView;
import io.lectern.learning.srs.ReviewIntake;
import io.lectern.learning.xp.XpLedger;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuing, verifying and revoking certificates. A certificate is claimed once the series is completed
 * and its final quiz passed (level COMPLETED); RETAINED needs, at least {@code retainedAfter} later, the
 * series' cards still remembered (FSRS retrievability at the reader's desired retention) or a passed
 * retention quiz on the series. Each is a signed VC-JWT plus a PDF rendered on demand.
 */
@Service
public class Certificates {

    static final String XP_RULE = "certificate-issued";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateStore store;
    private final CertificateKeys keys;
    private final StatusLists statusLists;
    private final CredentialDocuments documents;
    private final SeriesCatalog series;
    private final SeriesCompletion progress;
    private final QuizService quizzes;
    private final Learners learners;
    private final XpLedger ledger;
    private final EventPublisher events;
    private final CertificateProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final ReviewIntake review;

    Certificates(
            CertificateStore store,
            CertificateKeys keys,
            StatusLists statusLists,
            SeriesCatalog series,
            SeriesCompletion progress,
            QuizService quizzes,
            Learners learners,
            XpLedger ledger,
            EventPublisher events,
            CertificateProperties props,
            TransactionTemplate tx,
            ReviewIntake review,
            Clock clock) {
        this.review = review;
        this.store = store;
        this.keys = keys;
        this.statusLists = statusLists;
        this.documents = new CredentialDocuments(props.publicBaseUrl(), props.issuerName());
        this.series = series;
        this.progress = progress;
        this.quizzes = quizzes;
        this.learners = learners;
        this.ledger = ledger;
        this.events = events;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    /** The claimed certificate and whether this call issued it (false: it existed already). */
    record Claimed(CertificateStore.Row certificate, boolean issued) {}

    Claimed claim(UUID userId, UUID seriesId, @Nullable Level wanted) {
        SeriesView s = series.find(seriesId)
                .filter(v -> !v.deleted())
                .orElseThrow(() -> LearningProblem.unknown("seriesId", "The series"));
        Instant completedAt = progress.completedAt(userId, seriesId)
                .orElseThrow(() -> refused("series-not-completed", "Read every post of the series first."));
        quizzes.finalQuizPassed(userId, seriesId)
                .orElseThrow(() -> refused("final-quiz-not-passed", "Pass the series' final quiz first."));
        Optional<CertificateStore.Row> completed = store.find(userId, seriesId, Level.COMPLETED);
        Level level = wanted != null ? wanted : completed.isPresent() ? Level.RETAINED : Level.COMPLETED;
        Optional<CertificateStore.Row> existing = store.find(userId, seriesId, level);
        if (existing.isPresent()) {
            if (existing.get().revokedAt() != null) {
                throw refused("certificate-revoked", "This certificate was revoked; it cannot be claimed again.");
            }
            return new Claimed(existing.get(), false);
        }
        if (level == Level.RETAINED) {
            CertificateStore.Row base = completed
                    .filter(c -> c.revokedAt() == null)
                    .orElseThrow(
                            () -> refused("completed-certificate-missing", "Claim the Completed certificate first."));
            Instant eligibleFrom = base.issuedAt().plus(props.retainedAfter());
            if (clock.instant().isBefore(eligibleFrom)) {
                throw refused(
                        "retention-too-early",
                        "The Retained level can be earned from " + eligibleFrom + " ("
                                + props.retainedAfter().toDays() + " days after completion).");
            }
            boolean remembered =
                    review.memoryOf(userId, s.postIds()).atOrAboveDesiredRetention(props.retainedMinCards());
            if (!remembered
                    && quizzes.retentionQuizPassed(userId, seriesId, eligibleFrom)
                            .isEmpty()) {
                throw refused(
                        "retention-not-shown",
                        "Earn the Retained level by remembering the series: at least " + props.retainedMinCards()
                                + " reviewed cards of its posts recalled on average at your desired retention,"
                                + " or a retention quiz on the series (purpose RETENTION) passed.");
            }
        }
        CertificateStore.Row row = issue(userId, s, level, completedAt);
        return new Claimed(row, true);
    }

    private CertificateStore.Row issue(UUID userId, SeriesView s, Level level, Instant completedAt) {
        Instant now = clock.instant();
        String holder = learners.find(userId)
                .map(Learner::displayName)
                .filter(n -> !n.isBlank())
                .orElse("Lectern learner");
        String salt = HexFormat.of().formatHex(randomBytes());
        UUID id = UUID.randomUUID();
        RSAKey signingKey = keys.signingKey();
        return tx.execute(status -> {
            int index = statusLists.allocate();
            CredentialFacts facts = new CredentialFacts(
                    id,
                    holder,
                    CredentialDocuments.identityHash(userId, salt),
                    salt,
                    s.id(),
                    s.title(),
                    level,
                    now,
                    index);
            String jwt = CredentialJwt.sign(documents.credential(facts), documents.issuerId(), now, signingKey);
            CertificateStore.Row row = new CertificateStore.Row(
                    id, userId, s.id(), s.title(), holder, level, StatusLists.LIST_ID, index, jwt, now, null, null);
            store.insert(row);
            ledger.award(userId, XP_RULE, id.toString(), now);
            events.publish(
                    userId.toString(),
                    new CertificateIssued(id, userId, s.id(), s.title(), level.name(), documents.verifyUrl(id), now));
            return row;
        });
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private static LearningProblem refused(String slug, String detail) {
        return new LearningProblem(HttpStatus.CONFLICT, slug, "Certificate not available", detail);
    }

    List<CertificateStore.Row> mine(UUID userId) {
        return store.forUser(userId);
    }

    CertificateStore.Row owned(UUID userId, UUID id) {
        return store.find(id)
                .filter(r -> r.userId().equals(userId))
                .orElseThrow(() -> LearningProblem.unknown("id", "The certificate"));
    }

    byte[] pdf(CertificateStore.Row row) {
        return CertificatePdf.render(new CertificatePdf.Content(
                row.holderName(),
                row.seriesTitle(),
                row.level(),
                LocalDate.ofInstant(row.issuedAt(), ZoneOffset.UTC),
                documents.verifyUrl(row.id()),
                row.credential()));
    }

    String verifyUrl(UUID id) {
        return documents.verifyUrl(id);
    }

    /** Public check by id: our record, re-checked against the published key and the status list. */
    CertificateApi.VerifyResponse verify(UUID id) {
        Optional<CertificateStore.Row> row = store.find(id);
        if (row.isEmpty()) {
            return CertificateApi.VerifyResponse.of(CertificateApi.Status.UNKNOWN, "No certificate has this id.");
        }
        return verifyPresented(row.get().credential());
    }

    /**
     * Public check of a presented credential (the JWT from a PDF or a wallet): signature against our
     * published keys, validity period, then the revocation bit in our status list.
     */
    CertificateApi.VerifyResponse verifyPresented(String jwt) {
        Map<String, Object> claims;
        try {
            String kid = SignedJWT.parse(jwt.trim()).getHeader().getKeyID();
            JWKSet published = keys.publicKeysWith(kid);
            claims = CredentialJwt.verify(jwt, published, clock.instant());
        } catch (ParseException e) {
            return CertificateApi.VerifyResponse.of(
                    CertificateApi.Status.INVALID, CredentialJwt.Rejection.MALFORMED.name());
        } catch (CredentialJwt.Rejected e) {
            return CertificateApi.VerifyResponse.of(
                    CertificateApi.Status.INVALID, e.rejection().name());
        }
        Optional<CertificateStore.Row> row = idOf(claims).flatMap(store::find);
        if (row.isEmpty()) {
            // signed by us but not on record (erased at the holder's request): say so, without details
            return CertificateApi.VerifyResponse.of(
                    CertificateApi.Status.UNKNOWN, "The certificate is no longer on record.");
        }
        CertificateStore.Row r = row.get();
        boolean revoked = statusLists.current().get(r.statusIndex()) || r.revokedAt() != null;
        return new CertificateApi.VerifyResponse(
                revoked ? CertificateApi.Status.REVOKED : CertificateApi.Status.VALID,
                null,
                r.id(),
                r.holderName(),
                r.seriesTitle(),
                r.level().name(),
                r.issuedAt(),
                r.revokedAt(),
                r.revokedReason(),
                props.issuerName(),
                r.credential());
    }

    private Optional<UUID> idOf(Map<String, Object> claims) {
        Object id = claims.get("id");
        String prefix = documents.credentialId(new UUID(0, 0)).replace(new UUID(0, 0).toString(), "");
        if (id instanceof String s && s.startsWith(prefix)) {
            try {
                return Optional.of(UUID.fromString(s.substring(prefix.length())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    CertificateStore.Row revoke(UUID id, String reason, UUID adminId) {
        return tx.execute(status -> {
            CertificateStore.Row row =
                    store.findForUpdate(id).orElseThrow(() -> LearningProblem.unknown("id", "The certificate"));
            if (row.revokedAt() != null) {
                return row;
            }
            Instant now = clock.instant();
            store.markRevoked(id, now, reason, adminId);
            statusLists.revoke(row.statusIndex());
            events.publish(
                    row.userId().toString(),
                    new CertificateRevoked(
                            id, row.userId(), row.seriesId(), row.level().name(), reason, now));
            return store.find(id).orElseThrow();
        });
    }

    Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject(true);
    }

    Optional<String> publicKeyPem(String keyId) {
        return Optional.ofNullable(keys.publicKeys().getKeyByKeyId(documents.jwksUrl() + "#" + keyId))
                .filter(RSAKey.class::isInstance)
                .map(k -> Pem.publicKey((RSAKey) k));
    }

    /** The revocation list as a signed VC-JWT (a BitstringStatusListCredential). */
    String statusListCredential() {
        Instant now = clock.instant();
        Map<String, Object> vc = documents.statusListCredential(statusLists.current(), now);
        return CredentialJwt.sign(vc, documents.issuerId(), now, keys.signingKey());
    }
}
