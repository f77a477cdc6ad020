package io.lectern.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lectern.testsupport.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reader buys premium: billing's checkout goes to the Stripe stand-in, Stripe's signed
 * checkout.session.completed webhook comes in through the gateway, billing re-reads the subscription,
 * its event reaches identity (the next token carries the premium tier, so content returns the premium
 * post's body) and notify (the receipt lands in the captured mailbox).
 */
@Order(20)
class BillingJourneySystemTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "correct horse battery staple";

    @BeforeAll
    static void start() throws Exception {
        Stack.ensureUp();
    }

    @Test
    void aCheckoutCompletedThroughStripeMakesTheReaderPremiumEverywhereAndSendsTheReceipt() throws Exception {
        String authorEmail = verifiedUser("author");
        makeAdmin(authorEmail);
        String author = accessToken(login(authorEmail));
        String slug = premiumPost(author);

        String readerEmail = verifiedUser("reader");
        JsonNode session = login(readerEmail);
        String reader = session.get("accessToken").asString();
        String refresh = session.get("refreshToken").asString();
        UUID readerId = UUID.fromString(claims(reader).get("sub").asString());
        assertThat(claims(reader).get("tier").asString()).isEqualTo("free");
        assertThat(readPost(slug, reader).path("bodyIncluded").asBoolean())
                .as("a free reader gets no premium body")
                .isFalse();

        WireMockServer stripe = Stack.stripe();
        String customer = "cus_sys_" + readerId.toString().substring(0, 8);
        String subscription = "sub_sys_" + readerId.toString().substring(0, 8);
        stripe.stubFor(post(urlEqualTo("/v1/customers"))
                .withRequestBody(containing(readerId.toString()))
                .willReturn(json("{\"id\":\"" + customer + "\",\"object\":\"customer\"}")));
        stripe.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .withRequestBody(containing(customer))
                .willReturn(json("{\"id\":\"cs_sys\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
                        + "\"url\":\"https://checkout.stripe.com/c/pay/cs_sys\"}")));
        long end = Instant.now().plus(30, ChronoUnit.DAYS).getEpochSecond();
        stripe.stubFor(get(urlPathEqualTo("/v1/subscriptions/" + subscription))
                .willReturn(json("{\"id\":\"" + subscription + "\",\"object\":\"subscription\",\"customer\":\""
                        + customer
                        + "\",\"status\":\"active\",\"cancel_at_period_end\":false,\"metadata\":{\"user_id\":\""
                        + readerId
                        + "\"},\"items\":{\"object\":\"list\",\"has_more\":false,\"data\":[{\"id\":\"si_sys\","
                        + "\"object\":\"subscription_item\",\"current_period_end\":" + end + ",\"price\":{\"id\":\""
                        + Stack.STRIPE_MONTHLY_PRICE + "\",\"object\":\"price\"}}]}}")));

        HttpResponse<String> checkout = Stack.postJson(
                Stack.gateway("/api/v1/billing/checkout"),
                "{\"plan\":\"monthly\"}",
                "Authorization",
                "Bearer " + reader);
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
        assertThat(JSON.readTree(checkout.body()).get("url").asString())
                .isEqualTo("https://checkout.stripe.com/c/pay/cs_sys");

        // The reader pays on Stripe's page; Stripe tells us through the signed webhook.
        String event = "{\"id\":\"evt_sys_" + UUID.randomUUID()
                + "\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
                + "\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + Instant.now().getEpochSecond()
                + ",\"data\":{\"object\":{\"id\":\"cs_sys\",\"object\":\"checkout.session\",\"mode\":\"subscription\","
                + "\"payment_status\":\"paid\",\"client_reference_id\":\"" + readerId + "\",\"customer\":\"" + customer
                + "\",\"subscription\":\"" + subscription + "\"}}}";
        HttpResponse<String> forged = Stack.postJson(
                Stack.gateway("/api/v1/billing/webhook"), event, "Stripe-Signature", sign(event, "whsec_wrong"));
        assertThat(forged.statusCode())
                .as("a forged delivery is refused at billing")
                .isEqualTo(400);
        HttpResponse<String> webhook = Stack.postJson(
                Stack.gateway("/api/v1/billing/webhook"),
                event,
                "Stripe-Signature",
                sign(event, Stack.STRIPE_WEBHOOK_SECRET));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

        String[] premiumToken = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> r = Stack.postJson(
                            Stack.gateway("/api/v1/auth/refresh"), "{\"refreshToken\":\"" + refreshHolder[0] + "\"}");
                    if (r.statusCode() != 200) {
                        return false;
                    }
                    JsonNode tokens = JSON.readTree(r.body());
                    refreshHolder[0] = tokens.get("refreshToken").asString();
                    premiumToken[0] = tokens.get("accessToken").asString();
                    return "premium".equals(claims(premiumToken[0]).get("tier").asString());
                });
        JsonNode unlocked = readPost(slug, premiumToken[0]);
        assertThat(unlocked.get("bodyIncluded").asBoolean()).isTrue();
        assertThat(unlocked.get("html").asString()).contains("only for subscribers");

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> SignUpJourneySystemTest.messages(readerEmail).stream()
                        .anyMatch(BillingJourneySystemTest::isReceipt));
        MimeMessage receipt = SignUpJourneySystemTest.messages(readerEmail).stream()
                .filter(BillingJourneySystemTest::isReceipt)
                .findFirst()
                .orElseThrow();
        assertThat(SignUpJourneySystemTest.textOf(receipt)).contains("monthly");
    }

    // the refresh token rotates on every use; the await loop keeps the newest one here
    private final String[] refreshHolder = new String[1];

    private static boolean isReceipt(MimeMessage m) {
        try {
            return m.getSubject().contains("subscription is active");
        } catch (Exception e) {
            return false;
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Stripe's signing scheme: HMAC-SHA256 over "t.body" with the endpoint secret, header "t=…,v1=…". */
    static String sign(String payload, String secret) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return "t=" + t + ",v1=" + v1;
    }

    /** Registers through the gateway and verifies with the link from the captured mail; the e-mail. */
    static String verifiedUser(String prefix) throws Exception {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> register = Stack.postJson(
                Stack.gateway("/api/v1/auth/register"),
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Pat " + prefix
                        + "\"}");
        assertThat(register.statusCode()).as(register.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> !SignUpJourneySystemTest.messages(email).isEmpty());
        String token = SignUpJourneySystemTest.verificationToken(SignUpJourneySystemTest.textOf(
                SignUpJourneySystemTest.messages(email).getFirst()));
        HttpResponse<String> verify =
                Stack.postJson(Stack.gateway("/api/v1/auth/verify"), "{\"token\":\"" + token + "\"}");
        assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
        return email;
    }

    static void makeAdmin(String email) throws Exception {
        try (Connection c = TestInfrastructure.get().admin(Stack.DB);
                PreparedStatement s = c.prepareStatement(
                        "UPDATE identity.users SET roles = ARRAY['admin'] WHERE email_normalized = lower(?)")) {
            s.setString(1, email);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private JsonNode login(String email) throws Exception {
        HttpResponse<String> r = SignUpJourneySystemTest.login(email, PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode tokens = JSON.readTree(r.body());
        refreshHolder[0] = tokens.get("refreshToken").asString();
        return tokens;
    }

    private static String accessToken(JsonNode tokens) {
        return tokens.get("accessToken").asString();
    }

    private static String premiumPost(String authorToken) throws Exception {
        return PublicAnswerCacheSystemTest.published(
                        authorToken,
                        "{\"title\":\"Premium deep dive "
                                + UUID.randomUUID().toString().substring(0, 6)
                                + "\",\"markdown\":\"This part is only for subscribers.\",\"premium\":true}")
                .get("slug")
                .asString();
    }

    private static JsonNode readPost(String slug, String token) throws Exception {
        HttpResponse<String> r = Stack.get(Stack.gateway("/api/v1/posts/" + slug), "Authorization", "Bearer " + token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode claims(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
