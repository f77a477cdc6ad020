package io.lectern.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.gateway.cache.PublicAnswerCache;
import io.lectern.gateway.cache.PublicCacheProperties;
import io.lectern.testsupport.TestInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateway's copy of anonymous public answers (ADR 0035): served from memory only while it can be
 * right, and never to anyone the answer was not meant for. The stand-in content service answers paths
 * with {@code /public-} the way content answers a public read and counts its answers, so a request
 * the gateway served itself is one the service never saw.
 */
class PublicAnswerCacheTest extends GatewayTestSupport {

    static final RedisClient REDIS =
            RedisClient.create("redis://" + TestInfrastructure.get().redisHost() + ":"
                    + TestInfrastructure.get().redisPort());
    static final StatefulRedisConnection<String, String> PUBLISHER = REDIS.connect();

    @AfterAll
    static void closeRedis() {
        PUBLISHER.close();
        REDIS.shutdown();
    }

    @Autowired
    PublicAnswerCache cache;

    @Autowired
    PublicCacheProperties props;

    @BeforeEach
    void subscribed() {
        await().atMost(Duration.ofSeconds(20)).until(cache::serving);
    }

    static String uniquePath() {
        return "/api/v1/posts/public-" + UUID.randomUUID();
    }

    int answeredByContent(String path) {
        return answeredBy("content", path);
    }

    static int answeredBy(String service, String path) {
        var count = (service.equals("web") ? WEB : SERVICES.get(service)).answered.get(path);
        return count == null ? 0 : count.get();
    }

    static String uniquePage() {
        return "/posts/public-" + UUID.randomUUID();
    }

    @Test
    void aSecondAnonymousReadIsAnsweredByTheGatewayWithTheSameAnswer() throws Exception {
        String path = uniquePath();
        HttpResponse<String> first = get(path);
        HttpResponse<String> second = get(path);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(answeredByContent(path)).as("content answered once").isEqualTo(1);
        assertThat(second.body()).isEqualTo(first.body()).contains("\"served\":1");
        for (String header : new String[] {"Content-Type", "Cache-Control", "ETag", "Content-Length"}) {
            assertThat(second.headers().allValues(header))
                    .as(header)
                    .isEqualTo(first.headers().allValues(header));
        }
        assertThat(second.headers().allValues("Vary"))
                .as("the gateway's own Vary (CORS) and the service's, once each")
                .isEqualTo(first.headers().allValues("Vary"));
        assertThat(String.join(",", second.headers().allValues("Vary"))).contains("Authorization");
        assertThat(second.headers().firstValue("Age"))
                .as("a shared cache says how old its copy is")
                .isPresent();
        assertThat(second.headers().firstValue("X-Request-Id"))
                .as("a request id of its own")
                .isPresent()
                .isNotEqualTo(first.headers().firstValue("X-Request-Id"));
        assertThat(second.headers().firstValue("X-RateLimit-Policy"))
                .as("a copy still counts against the reader's limit")
                .hasValue("general");
    }

    @Test
    void aChangeMessageFromTheServiceEmptiesIt() throws Exception {
        String path = uniquePath();
        get(path);
        get(path);
        assertThat(answeredByContent(path)).isEqualTo(1);

        assertThat(PUBLISHER.sync().publish(props.channels().get(0), "changed"))
                .as("the gateway is subscribed")
                .isPositive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get(path).body()).doesNotContain("\"served\":1");
        });
        assertThat(answeredByContent(path)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWriteThroughTheGatewayEmptiesItBeforeItsAnswerLeavesButTheViewBeaconDoesNot() throws Exception {
        String path = uniquePath();
        get(path);
        send("POST", path + "/views", "{}");
        assertThat(get(path).body()).as("a view changes nothing a read answers").contains("\"served\":1");

        // the stand-in counts the write as its second answer to this path
        HttpResponse<String> write = send("PATCH", path, "{}", "Authorization", KEYS.bearer("author-1", "author"));
        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(get(path).body())
                .as("the writer's next read, with no message from the service")
                .contains("\"served\":3");
        assertThat(get(path).body()).as("kept again").contains("\"served\":3");
        assertThat(answeredByContent(path)).isEqualTo(3);
    }

    /**
     * The write paths are read from content's routes in the route table (write-routes), so every path
     * those routes proxy empties the cache, the ones far from the kept reads too, and no other
     * service's does.
     */
    @Test
    void aWriteOnAnyPathOfContentsRoutesEmptiesItAndAWriteToAnotherServiceDoesNot() throws Exception {
        String path = uniquePath();
        get(path);
        String admin = KEYS.bearer("admin-1", "admin");

        assertThat(send("POST", "/api/v1/progress/posts/p-1", "{}", "Authorization", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("PUT", "/api/v1/settings/me", "{}", "Authorization", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(path).body()).as("learning's and identity's writes").contains("\"served\":1");

        int served = 1;
        for (String[] write : new String[][] {
            {"POST", "/api/v1/admin/redirects"},
            {"DELETE", "/api/v1/admin/tags/java"},
            {"PATCH", "/api/v1/admin/comments/c-1"},
            {"PUT", "/api/v1/uploads/cover.png"},
            {"POST", "/api/v1/admin/events/content/dead-letters/1/replay"}
        }) {
            assertThat(send(write[0], write[1], "{}", "Authorization", admin).statusCode())
                    .as("%s %s", write[0], write[1])
                    .isEqualTo(200);
            served++;
            assertThat(get(path).body())
                    .as("the read after %s %s", write[0], write[1])
                    .contains("\"served\":" + served);
        }
        assertThat(answeredByContent(path)).isEqualTo(served);
    }

    @Test
    void aSignedInReaderIsAnsweredByTheServiceUnlessItMarkedTheAnswerTheSameForEveryReader() throws Exception {
        String path = uniquePath();
        get(path);
        HttpResponse<String> signedIn = get(path, "Authorization", KEYS.bearer("reader-1", "reader"));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"served\":2");
        assertThat(signedIn.headers().firstValue("Age")).isEmpty();
    }

    @Test
    void anAnswerTheSameForEveryReaderIsKeptFromASignedInReadAndServedToVerifiedReadersAsPrivate() throws Exception {
        String path = "/api/v1/posts/public-shared-" + UUID.randomUUID();
        HttpResponse<String> first = get(path, "Authorization", KEYS.bearer("reader-1", "reader"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"served\":1");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(first.headers().firstValue(PublicAnswerCache.SHARED_CACHE_CONTROL))
                .as("the service's mark never leaves the gateway")
                .isEmpty();

        HttpResponse<String> another = get(path, "Authorization", KEYS.bearer("reader-2", "reader"));
        assertThat(another.statusCode()).isEqualTo(200);
        assertThat(another.body()).isEqualTo(first.body());
        assertThat(another.headers().firstValue("Age"))
                .as("served by the gateway")
                .isPresent();
        assertThat(another.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(String.join(",", another.headers().allValues("Vary"))).contains("Authorization");
        assertThat(another.headers().firstValue(PublicAnswerCache.SHARED_CACHE_CONTROL))
                .isEmpty();
        assertThat(another.headers().firstValue("X-RateLimit-Remaining"))
                .as("a copy still counts against the reader's limit")
                .isPresent();

        HttpResponse<String> anonymous = get(path);
        assertThat(anonymous.body()).isEqualTo(first.body());
        assertThat(anonymous.headers().firstValue("Cache-Control"))
                .as("the anonymous variant, under the service's shared Cache-Control")
                .hasValue("max-age=30, public");
        assertThat(anonymous.headers().firstValue(PublicAnswerCache.SHARED_CACHE_CONTROL))
                .isEmpty();

        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified =
                get(path, "Authorization", KEYS.bearer("reader-3", "reader"), "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().firstValue("Cache-Control")).hasValue("no-store, private");

        // a token that does not verify is refused although the answer is in memory
        assertThat(get(path, "Authorization", "Bearer " + KEYS.expired("reader-1"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(get(path, "Authorization", KEYS.bearer("reader-1", "reader") + "x")
                        .statusCode())
                .isEqualTo(401);
        assertThat(answeredByContent(path))
                .as("content answered the first read only")
                .isEqualTo(1);
    }

    @Test
    void aPremiumPostsBodyIsKeptForEntitledReadersAndItsTeaserForEveryoneElseButTheAuthor() throws Exception {
        String path = "/api/v1/posts/public-premium-" + UUID.randomUUID();
        HttpResponse<String> first = get(path, "Authorization", KEYS.bearerOnTier("premium-1", "premium", "reader"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"served\":1", "\"full\":true");
        assertThat(first.headers().firstValue("Age")).isEmpty();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(first.headers().firstValue(PublicAnswerCache.SHARED_AUDIENCE))
                .as("the service's mark never leaves the gateway")
                .isEmpty();

        HttpResponse<String> premium = get(path, "Authorization", KEYS.bearerOnTier("premium-2", "premium", "reader"));
        assertThat(premium.body()).isEqualTo(first.body());
        assertThat(premium.headers().firstValue("Age"))
                .as("served by the gateway")
                .isPresent();
        assertThat(premium.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(premium.headers().firstValue(PublicAnswerCache.SHARED_AUDIENCE))
                .isEmpty();
        assertThat(premium.headers().firstValue("X-RateLimit-Remaining")).isPresent();
        assertThat(get(path, "Authorization", KEYS.bearer("editor-1", "editor")).body())
                .as("staff read every premium body")
                .isEqualTo(first.body());

        HttpResponse<String> free = get(path, "Authorization", KEYS.bearerOnTier("free-1", "free", "reader"));
        assertThat(free.body())
                .as("a free reader is not handed the body: the service answers with the teaser")
                .contains("\"served\":2", "\"full\":false");
        assertThat(free.headers().firstValue("Age")).isEmpty();

        HttpResponse<String> anonymous = get(path);
        assertThat(anonymous.body()).as("the teaser, from the gateway").isEqualTo(free.body());
        assertThat(anonymous.headers().firstValue("Age")).isPresent();
        assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue("no-store, private");
        assertThat(anonymous.headers().firstValue(PublicAnswerCache.SHARED_AUDIENCE))
                .isEmpty();
        assertThat(get(path, "Authorization", KEYS.bearer("reader-2", "reader")).body())
                .as("a reader without a tier gets the teaser too")
                .isEqualTo(free.body());
        String etag = free.headers().firstValue("ETag").orElseThrow();
        assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);

        HttpResponse<String> author =
                get(path, "Authorization", KEYS.bearerOnTier(StandInService.PREMIUM_AUTHOR, "free", "author"));
        assertThat(author.body())
                .as("the author is not handed the teaser: the service answers with the body")
                .contains("\"served\":3", "\"full\":true");
        assertThat(get(path, "Authorization", KEYS.bearerOnTier("free-2", "free", "reader"))
                        .body())
                .isEqualTo(free.body());
        assertThat(get(path, "Authorization", KEYS.bearerOnTier("premium-3", "premium", "reader"))
                        .body())
                .as("the first premium reader's copy: the author's answer was not kept, its audience excludes them")
                .isEqualTo(first.body());

        assertThat(get(path, "Authorization", "Bearer " + KEYS.expired("premium-1"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(answeredByContent(path))
                .as("content answered three readers of nine")
                .isEqualTo(3);

        assertThat(PUBLISHER.sync().publish(props.channels().get(0), "changed")).isPositive();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                get(path, "Authorization", KEYS.bearerOnTier("premium-4", "premium", "reader"))
                                        .body())
                        .as("a change empties both readers' copies")
                        .contains("\"served\":4"));
        assertThat(get(path).body()).contains("\"served\":5", "\"full\":false");
    }

    @Test
    void anAudienceTheGatewayCannotReadOrThatDoesNotAdmitTheReaderItWasGivenToIsNotKept() throws Exception {
        String malformed = "/api/v1/posts/public-premium-malformed-" + UUID.randomUUID();
        get(malformed, "Authorization", KEYS.bearerOnTier("premium-1", "premium", "reader"));
        HttpResponse<String> again =
                get(malformed, "Authorization", KEYS.bearerOnTier("premium-2", "premium", "reader"));
        assertThat(again.body()).contains("\"served\":2");
        assertThat(again.headers().firstValue(PublicAnswerCache.SHARED_AUDIENCE))
                .isEmpty();

        // the service says "for premium readers" about the teaser it gave a free reader: not kept
        String mislabelled = "/api/v1/posts/public-premium-mislabelled-" + UUID.randomUUID();
        assertThat(get(mislabelled, "Authorization", KEYS.bearerOnTier("free-1", "free", "reader"))
                        .body())
                .contains("\"served\":1", "\"full\":false");
        assertThat(get(mislabelled, "Authorization", KEYS.bearerOnTier("premium-1", "premium", "reader"))
                        .body())
                .as("the premium reader is not handed the free reader's teaser")
                .contains("\"served\":2", "\"full\":true");
        assertThat(answeredByContent(malformed) + answeredByContent(mislabelled))
                .isEqualTo(4);
    }

    @Test
    void aRequestWithAHeaderTheAnswerVariesByIsNotServedAnotherVariant() throws Exception {
        String path = uniquePath();
        get(path);
        // CORS varies every answer by Origin: a cross-origin read must get its own CORS headers
        HttpResponse<String> crossOrigin = get(path, "Origin", "http://localhost:3000");
        assertThat(crossOrigin.body()).contains("\"served\":2");
        assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("http://localhost:3000");
        assertThat(get(path).body())
                .as("one variant per path: the cross-origin one replaced it")
                .contains("\"served\":3");
        assertThat(get(path).body()).contains("\"served\":3");
        assertThat(answeredByContent(path)).isEqualTo(3);
    }

    @Test
    void ifNoneMatchWithTheCopysETagIs304() throws Exception {
        String path = uniquePath();
        String etag = get(path).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = get(path, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(answeredByContent(path)).isEqualTo(1);
    }

    @Test
    void answersNotMarkedPublicAndPathsOutsideTheListAreAlwaysPassedOn() throws Exception {
        String plain = "/api/v1/posts/plain-" + UUID.randomUUID();
        get(plain);
        get(plain);
        assertThat(SERVICES.get("content").received.stream()
                        .filter(r -> r.path().equals(plain))
                        .count())
                .as("no Cache-Control: public, nothing kept")
                .isEqualTo(2);

        String comments = uniquePath() + "/comments";
        get(comments);
        get(comments);
        assertThat(answeredByContent(comments))
                .as("comments are not announced on the channel, so never kept even when public")
                .isEqualTo(2);
    }

    /**
     * The web app's public pages (ADR 0103): Next.js marks a page it renders once for everyone with
     * {@code s-maxage} alone, and every browser sends the CSRF cookie; neither stops the copy. Any other
     * cookie may be a session, whose reader may see more (a premium post), so it always goes to the web
     * app.
     */
    @Test
    void aPublicPageIsKeptForAnonymousReadersWithTheCsrfCookieAndNeverServedToASession() throws Exception {
        String page = uniquePage();
        HttpResponse<String> first = get(page, "Cookie", "lectern_csrf=first-visitor");
        HttpResponse<String> second = get(page, "Cookie", "lectern_csrf=another-visitor");
        HttpResponse<String> noCookie = get(page);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).contains("\"served\":1");
        assertThat(noCookie.body()).contains("\"served\":1");
        assertThat(second.headers().firstValue("Age")).isPresent();
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));

        HttpResponse<String> session = get(page, "Cookie", "lectern_csrf=x; lectern_at=token-of-a-reader");
        assertThat(session.body()).as("a session's request goes to the web app").contains("\"served\":2");
        assertThat(session.headers().firstValue("Age")).isEmpty();
        assertThat(get(page, "Cookie", "lectern_rt=refresh-only").body())
                .as("so does one with only a refresh token")
                .contains("\"served\":3");
        assertThat(get(page, "Cookie", "lectern_csrf=x").body())
                .as("a session's answer is not kept in place of the shared one")
                .contains("\"served\":1");
        assertThat(answeredBy("web", page)).isEqualTo(3);
    }

    @Test
    void aClientSideNavigationIsNotServedTheHtmlVariant() throws Exception {
        String page = uniquePage();
        get(page);
        HttpResponse<String> rsc = get(page, "rsc", "1");
        assertThat(rsc.body()).as("the answer varies by rsc").contains("\"served\":2");
        assertThat(answeredBy("web", page)).isEqualTo(2);
    }

    @Test
    void theWebAppsMessageEmptiesIt() throws Exception {
        String page = uniquePage();
        String api = uniquePath();
        get(page);
        get(api);
        assertThat(get(page).body()).contains("\"served\":1");

        assertThat(props.channels()).hasSize(2);
        assertThat(PUBLISHER.sync().publish(props.channels().get(1), "expired"))
                .as("the gateway is subscribed to the web app's channel")
                .isPositive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get(page).body()).doesNotContain("\"served\":1");
        });
        assertThat(get(api).body()).as("one cache: the API copy went too").contains("\"served\":2");
    }
}
