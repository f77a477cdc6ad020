package io.lectern.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A new reader signs up through the gateway: identity-service records the account and an outbox event,
 * the relay puts it on the identity stream, notify-service's consumer group queues the verification
 * email, its sender delivers it over real SMTP, and the link in that one email verifies the account,
 * after which the reader can sign in. Across two services, the bus and a mail server, in one test.
 */
@Order(10)
class SignUpJourneySystemTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void start() throws Exception {
        Stack.ensureUp();
    }

    @Test
    void registeringSendsExactlyOneVerificationEmailWhoseLinkVerifiesTheAccount() throws Exception {
        String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String password = "correct horse battery staple";

        HttpResponse<String> register = Stack.postJson(
                Stack.gateway("/api/v1/auth/register"),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Ada Reader\"}");
        assertThat(register.statusCode()).as(register.body()).isEqualTo(202);

        HttpResponse<String> before = login(email, password);
        assertThat(before.statusCode())
                .as("an unverified account cannot sign in yet")
                .isEqualTo(401);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> messages(email).size() >= 1);
        // Redelivery or a second relay must not produce a second email: the count stays at one.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> messages(email).size() == 1);

        MimeMessage mail = messages(email).getFirst();
        assertThat(mail.getSubject()).isNotBlank();
        String token = verificationToken(textOf(mail));

        HttpResponse<String> verify =
                Stack.postJson(Stack.gateway("/api/v1/auth/verify"), "{\"token\":\"" + token + "\"}");
        assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
        assertThat(verify.body()).contains("\"verified\":true");

        HttpResponse<String> after = login(email, password);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        String accessToken = JSON.readTree(after.body()).get("accessToken").asString();
        HttpResponse<String> me =
                Stack.get(Stack.gateway("/api/v1/users/me"), "Authorization", "Bearer " + accessToken);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(email);

        HttpResponse<String> replay =
                Stack.postJson(Stack.gateway("/api/v1/auth/verify"), "{\"token\":\"" + token + "\"}");
        assertThat(replay.statusCode()).as("the link is single-use").isEqualTo(400);
    }

    static HttpResponse<String> login(String email, String password) throws Exception {
        return Stack.postJson(
                Stack.gateway("/api/v1/auth/login"), "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    static List<MimeMessage> messages(String email) throws Exception {
        HttpResponse<String> response = Stack.get(Stack.mailApi("/api/user/" + email + "/messages/"));
        if (response.statusCode() != 200) {
            return List.of();
        }
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> out = new java.util.ArrayList<>();
        for (JsonNode m : JSON.readTree(response.body())) {
            out.add(new MimeMessage(
                    session,
                    new ByteArrayInputStream(m.get("mimeMessage").asString().getBytes(StandardCharsets.UTF_8))));
        }
        return out;
    }

    static String textOf(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof String s) {
            return s;
        }
        return plainPart((Multipart) content);
    }

    static String plainPart(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = plainPart(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String verificationToken(String text) {
        Matcher m = Pattern.compile("/verify-email\\?token=([^\\s&]+)").matcher(text);
        assertThat(m.find()).as("verification link in:\n" + text).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }
}
