package io.lectern.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.lectern.learning.quiz.AssessmentIntegrationTest;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CertificateIntegrationTest extends AssessmentIntegrationTest {

    UUID admin = UUID.randomUUID();

    record Setup(UUID user, UUID series, List<UUID> posts) {}

    Setup series() {
        UUID seriesId = UUID.randomUUID();
        List<UUID> posts = List.of(publishedPost(seriesId, 1), publishedPost(seriesId, 2));
        publishedSeries(posts, seriesId);
        return new Setup(registeredUser("UTC"), seriesId, posts);
    }

    void readAll(Setup s) throws Exception {
        for (UUID post : s.posts()) {
            HttpResponse<String> read =
                    putJson("/api/v1/progress/posts/" + post, s.user(), "{\"depthPercent\":100,\"secondsSpent\":600}");
            assertThat(read.statusCode()).as(read.body()).isBetween(200, 204);
        }
    }

    /** Takes a series quiz of {@code purpose} and answers every question right (keys read from the database). */
    void passQuiz(Setup s, String purpose) throws Exception {
        HttpResponse<String> started = postJson(
                "/api/v1/quizzes/attempts",
                s.user(),
                "{\"seriesId\":\"" + s.series() + "\",\"purpose\":\"" + purpose + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        UUID attempt = UUID.fromString(json(started).get("id").asString());
        List<String> answers = new ArrayList<>();
        jdbc.sql(
                        "select question_id, type, correct::text as correct, answer_text from quiz_attempt_question where attempt_id = :a")
                .param("a", attempt)
                .query((rs, n) -> {
                    String type = rs.getString("type");
                    answers.add(
                            type.equals("CLOZE") || type.equals("SHORT_TEXT")
                                    ? "{\"questionId\":\"" + rs.getString("question_id") + "\",\"text\":\""
                                            + rs.getString("answer_text").split("\\|")[0] + "\"}"
                                    : "{\"questionId\":\"" + rs.getString("question_id") + "\",\"selected\":"
                                            + rs.getString("correct") + "}");
                    return null;
                })
                .list();
        HttpResponse<String> result = postJson(
                "/api/v1/quizzes/attempts/" + attempt + "/submission",
                s.user(),
                "{\"answers\":[" + String.join(",", answers) + "]}");
        assertThat(json(result).get("passed").asBoolean()).as(result.body()).isTrue();
    }

    JsonNode claimed(Setup s) throws Exception {
        HttpResponse<String> claim =
                postJson("/api/v1/certificates", s.user(), "{\"seriesId\":\"" + s.series() + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        return json(claim);
    }

    HttpResponse<String> anonymous(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET()
                .build());
    }

    HttpResponse<String> anonymousPost(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Test
    void noCertificateBeforeTheSeriesIsReadAndTheFinalQuizPassedAndNothingIsWritten() throws Exception {
        Setup s = series();

        HttpResponse<String> unread =
                postJson("/api/v1/certificates", s.user(), "{\"seriesId\":\"" + s.series() + "\"}");
        readAll(s);
        HttpResponse<String> noQuiz =
                postJson("/api/v1/certificates", s.user(), "{\"seriesId\":\"" + s.series() + "\"}");

        assertThat(unread.statusCode()).isEqualTo(409);
        assertThat(json(unread).get("type").asString()).endsWith("/series-not-completed");
        assertThat(noQuiz.statusCode()).isEqualTo(409);
        assertThat(json(noQuiz).get("type").asString()).endsWith("/final-quiz-not-passed");
        assertThat(rows("select count(*) from certificate where user_id = ?", s.user()))
                .isZero();
    }

    @Test
    void theCredentialVerifiesWithThePublishedKeyATamperedOneFailsAndARevokedOneShowsRevoked() throws Exception {
        Setup s = series();
        readAll(s);
        passQuiz(s, "FINAL");
        JsonNode certificate = claimed(s);
        String id = certificate.get("id").asString();
        String credential = certificate.get("credential").asString();

        // a third party: the published key set (no login) verifies the credential
        HttpResponse<String> jwks = anonymous("/api/v1/certificates/jwks.json");
        assertThat(jwks.statusCode()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(credential);
        RSAKey key =
                (RSAKey) JWKSet.parse(jwks.body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringClaim("iss")).isEqualTo("http://127.0.0.1:" + SERVER_PORT);
        assertThat(json(anonymous("/api/v1/certificates/verify/" + id))
                        .get("status")
                        .asString())
                .isEqualTo("VALID");

        String[] parts = credential.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tamperedPayload =
                payload.replace("\"Completed\"", "\"Retained\"").replace("— Completed", "— Retained");
        assertThat(tamperedPayload).isNotEqualTo(payload);
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(tamperedPayload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(SignedJWT.parse(tampered).verify(new RSASSAVerifier(key))).isFalse();
        JsonNode rejected = json(anonymousPost("/api/v1/certificates/verify", "{\"credential\":\"" + tampered + "\"}"));
        assertThat(rejected.get("status").asString()).isEqualTo("INVALID");
        assertThat(rejected.get("reason").asString()).isEqualTo("BAD_SIGNATURE");
        assertThat(json(anonymousPost("/api/v1/certificates/verify", "{\"credential\":\"" + credential + "\"}"))
                        .get("status")
                        .asString())
                .isEqualTo("VALID");

        HttpResponse<String> notAdmin =
                postJson("/api/v1/certificates/" + id + "/revocation", s.user(), "{\"reason\":\"self\"}");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        HttpResponse<String> revoked = postJson(
                "/api/v1/certificates/" + id + "/revocation",
                admin,
                "{\"reason\":\"Quiz answers were shared\"}",
                "admin");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        JsonNode after = json(anonymous("/api/v1/certificates/verify/" + id));
        assertThat(after.get("status").asString()).isEqualTo("REVOKED");
        assertThat(after.get("revocationReason").asString()).isEqualTo("Quiz answers were shared");
        // the signed status list says so too, for whoever checks offline
        int index = Integer.parseInt(jwt.getJWTClaimsSet()
                .getJSONObjectClaim("credentialStatus")
                .get("statusListIndex")
                .toString());
        SignedJWT list =
                SignedJWT.parse(anonymous("/api/v1/certificates/status-list").body());
        assertThat(list.verify(new RSASSAVerifier(key))).isTrue();
        String encoded = list.getJWTClaimsSet()
                .getJSONObjectClaim("credentialSubject")
                .get("encodedList")
                .toString();
        StatusList bits = StatusList.decode(encoded);
        assertThat(bits.size()).isGreaterThanOrEqualTo(StatusList.MIN_BITS);
        assertThat(bits.get(index)).isTrue();
        assertThat(json(anonymous("/api/v1/certificates/verify/" + UUID.randomUUID()))
                        .get("status")
                        .asString())
                .isEqualTo("UNKNOWN");
        assertThat(rows(
                        "select count(*) from outbox where type = 'learning.certificate-issued.v1' and aggregate_id = ?",
                        s.user().toString()))
                .isEqualTo(1);
        assertThat(rows(
                        "select count(*) from outbox where type = 'learning.certificate-revoked.v1' and aggregate_id = ?",
                        s.user().toString()))
                .isEqualTo(1);
    }

    @Test
    void thePdfNamesHolderSeriesAndLevelAndCarriesTheVerifyUrlAsTextAndQrCode() throws Exception {
        Setup s = series();
        readAll(s);
        passQuiz(s, "FINAL");
        JsonNode certificate = claimed(s);
        String verifyUrl = "http://127.0.0.1:" + SERVER_PORT + "/api/v1/certificates/verify/"
                + certificate.get("id").asString();

        HttpResponse<byte[]> pdf = HTTP.send(
                authorised(certificate.get("pdfUrl").asString(), s.user()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc))
                    .contains(
                            verifyUrl,
                            "Postgres internals",
                            "Certificate of Completed",
                            certificate.get("holderName").asString());
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            String qr = new QRCodeReader()
                    .decode(new BinaryBitmap(
                            new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
                    .getText();
            assertThat(qr).isEqualTo(verifyUrl);
        }
        HttpResponse<byte[]> someoneElse = HTTP.send(
                authorised(certificate.get("pdfUrl").asString(), UUID.randomUUID())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(someoneElse.statusCode()).isEqualTo(404);
    }

    @Test
    void theDocumentedShellCommandVerifiesAndSeesTheRevocation() throws Exception {
        for (String tool : List.of("jq", "openssl", "basenc", "curl", "gunzip", "od")) {
            Assumptions.assumeTrue(
                    new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0,
                    tool + " is installed");
        }
        Setup s = series();
        readAll(s);
        passQuiz(s, "FINAL");
        JsonNode certificate = claimed(s);
        String verifyUrl = "http://127.0.0.1:" + SERVER_PORT + "/api/v1/certificates/verify/"
                + certificate.get("id").asString();

        assertThat(runScript(verifyUrl)).contains("VALID").contains("Postgres internals — Completed");
        Path tamperedFile = Files.createTempFile("credential", ".jwt");
        String[] parts = certificate.get("credential").asString().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Completed", "Retained");
        Files.writeString(
                tamperedFile,
                parts[0] + "."
                        + Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2]);
        assertThat(runScript("http://127.0.0.1:" + SERVER_PORT, tamperedFile.toString()))
                .contains("INVALID");

        postJson(
                "/api/v1/certificates/" + certificate.get("id").asString() + "/revocation",
                admin,
                "{\"reason\":\"test\"}",
                "admin");
        assertThat(runScript(verifyUrl)).contains("REVOKED");
    }

    private static String runScript(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "bash",
                Path.of("../docs/certificates/verify-certificate.sh")
                        .toAbsolutePath()
                        .toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void retainedNeedsFourteenDaysAndAPassedRetentionQuiz() throws Exception {
        Setup s = series();
        readAll(s);
        passQuiz(s, "FINAL");
        claimed(s);

        HttpResponse<String> early =
                postJson("/api/v1/certificates", s.user(), "{\"seriesId\":\"" + s.series() + "\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).get("type").asString()).endsWith("/retention-too-early");

        clock.set(Instant.now().plus(Duration.ofDays(15)));
        HttpResponse<String> noQuiz =
                postJson("/api/v1/certificates", s.user(), "{\"seriesId\":\"" + s.series() + "\"}");
        assertThat(json(noQuiz).get("type").asString()).endsWith("/retention-not-shown");
        passQuiz(s, "RETENTION");
        JsonNode retained = claimed(s);

        assertThat(retained.get("level").asString()).isEqualTo("RETAINED");
        assertThat(json(get("/api/v1/certificates", s.user())).get("certificates"))
                .hasSize(2);
    }

    @Test
    void retainedIsEarnedByStillRememberingTheSeriesCardsWithoutARetentionQuiz() throws Exception {
        Setup s = series();
        readAll(s);
        passQuiz(s, "FINAL");
        claimed(s);
        Instant later = Instant.now().plus(Duration.ofDays(20));
        clock.set(later);

        // Five reviewed cards of the series' posts, last reviewed 10 days ago with a stability of one
        // day: long forgotten (retrievability far below the default desired retention of 0.9).
        List<UUID> cards = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID card = UUID.randomUUID();
            cards.add(card);
            jdbc.sql("insert into srs_card (id, user_id, kind, front, back, origin, post_id, state, stability,"
                            + " difficulty, due, last_review, reps) values (:id, :u, 'BASIC', 'front', 'back', 'USER',"
                            + " :post, 'REVIEW', 1.0, 5.0, :due, :last, 3)")
                    .param("id", card)
                    .param("u", s.user())
                    .param("post", s.posts().get(i % s.posts().size()))
                    .param("due", java.sql.Timestamp.from(later.minus(Duration.ofDays(9))))
                    .param("last", java.sql.Timestamp.from(later.minus(Duration.ofDays(10))))
                    .update();
        }
        HttpResponse<String> forgotten =
                postJson("/api/v1/certificates", s.user(), "{\"seriesId\":\"" + s.series() + "\"}");
        assertThat(forgotten.statusCode()).isEqualTo(409);
        assertThat(json(forgotten).get("type").asString()).endsWith("/retention-not-shown");
        assertThat(jdbc.sql("select count(*) from certificate where user_id = :u")
                        .param("u", s.user())
                        .query(Long.class)
                        .single())
                .as("nothing issued beyond the Completed certificate")
                .isEqualTo(1);

        // The same cards remembered: stability of 300 days, so after 10 days retrievability is ~0.99.
        jdbc.sql("update srs_card set stability = 300 where id = any(:ids)")
                .param("ids", cards.toArray(UUID[]::new))
                .update();
        JsonNode retained = claimed(s);
        assertThat(retained.get("level").asString()).isEqualTo("RETAINED");
    }
}
