package io.lectern.content.readcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.content.support.ContentApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import tools.jackson.databind.JsonNode;

/**
 * The public read cache serves anonymous answers from memory, and no change is ever hidden by it: an
 * edit, an unpublish and a premium switch are visible on the very next request, an author rename (an
 * event handled on the consumer thread) and a change written straight to the database (another
 * instance, a job) as soon as they commit. Answers carry ETags (304) and the right Cache-Control.
 */
class ReadCacheTest extends ContentApiTest {

    @Autowired
    PublicReadCache cache;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RedisClient redis;

    @Value("${lectern.events.namespace}")
    String namespace;

    private JsonNode publishedFree(String markdown) {
        return createPublished(authorToken(), postBody(unique("Cached"), markdown, "tags", List.of("caching")));
    }

    /**
     * Reads until an answer comes from the cache (the NOTIFY of the write that prepared the test may
     * still be on its way and empty the cache once more), and checks it equals the database's answer.
     */
    private Response readCached(String path) {
        Response[] cached = new Response[1];
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response fresh = get(path, null).expect(200);
            long hits = cache.hits();
            Response second = get(path, null).expect(200);
            assertThat(cache.hits())
                    .as("second anonymous read of " + path + " is a cache hit")
                    .isEqualTo(hits + 1);
            assertThat(second.body()).isEqualTo(fresh.body());
            cached[0] = second;
        });
        return cached[0];
    }

    private Map<String, Object> update(JsonNode post, Object... overrides) {
        Map<String, Object> body = postBody(post.path("title").asString(), "unchanged", overrides);
        body.put("tags", List.of("caching"));
        return body;
    }

    @Test
    void anAnonymousReadIsServedFromTheCacheAndAnEditIsVisibleOnTheNextRequest() {
        JsonNode post = publishedFree("First *version*");
        String path = "/api/v1/posts/" + post.path("slug").asString();
        assertThat(readCached(path).json().path("html").asString()).contains("<em>version</em>");

        put(
                        "/api/v1/admin/posts/" + post.path("id").asString(),
                        authorToken(),
                        update(post, "markdown", "Second **take**"))
                .expect(200);

        JsonNode after = get(path, null).expect(200).json();
        assertThat(after.path("html").asString())
                .contains("<strong>take</strong>")
                .doesNotContain("version");
    }

    @Test
    void anUnpublishedPostIsGoneOnTheNextRequest() {
        JsonNode post = publishedFree("Soon gone");
        String path = "/api/v1/posts/" + post.path("slug").asString();
        readCached(path);
        readCached("/api/v1/posts?tag=caching");

        post("/api/v1/admin/posts/" + post.path("id").asString() + "/unpublish", authorToken(), null)
                .expect(200);

        get(path, null).expectProblem(404);
        JsonNode list = get("/api/v1/posts?tag=caching", null).expect(200).json();
        assertThat(list.path("items").valueStream().map(i -> i.path("id").asString()))
                .doesNotContain(post.path("id").asString());
        // an unpublished post keeps its first publication date, which a site export cannot carry
        delete("/api/v1/admin/posts/" + post.path("id").asString(), authorToken())
                .expect(204);
    }

    @Test
    void aPremiumSwitchHidesTheBodyOnTheNextRequestAndIsNeverCachedPublicly() {
        JsonNode post = publishedFree("Free for now");
        String path = "/api/v1/posts/" + post.path("slug").asString();
        Response free = readCached(path);
        assertThat(free.json().path("bodyIncluded").asBoolean()).isTrue();
        assertThat(free.header("Cache-Control")).contains("public").contains("max-age=30");

        put(
                        "/api/v1/admin/posts/" + post.path("id").asString(),
                        authorToken(),
                        update(post, "markdown", "Free for now", "premium", true, "excerpt", "Teaser"))
                .expect(200);

        Response anonymous = get(path, null).expect(200);
        assertThat(anonymous.json().path("bodyIncluded").asBoolean()).isFalse();
        assertThat(anonymous.json().path("html").isNull()).isTrue();
        assertThat(anonymous.header("Cache-Control")).contains("no-store").contains("private");
        assertThat(anonymous.header(PublicReadCache.SHARED_CACHE_CONTROL))
                .as("a premium answer is never marked for the gateway to share")
                .isEmpty();
        long hits = cache.hits();
        get(path, null).expect(200);
        assertThat(cache.hits()).as("a premium post's answer is not stored").isEqualTo(hits);

        Response premiumReader = get(path, premium(reader)).expect(200);
        assertThat(premiumReader.json().path("html").asString()).contains("Free for now");
        assertThat(premiumReader.header("Cache-Control")).contains("no-store").contains("private");
        assertThat(premiumReader.header("Vary")).containsIgnoringCase("Authorization");
        assertThat(premiumReader.header(PublicReadCache.SHARED_CACHE_CONTROL)).isEmpty();
    }

    @Test
    void aPremiumPostTellsTheGatewayWhichReadersItsBodyAndItsTeaserAreTheSameFor() {
        JsonNode post = createPublished(
                authorToken(), postBody(unique("Paid"), "Paid body", "premium", true, "excerpt", "Teaser"));
        String path = "/api/v1/posts/" + post.path("slug").asString();
        String body = "max-age=30, holders=tier:premium role:editor role:admin";
        String teaser = "max-age=30, others=tier:premium role:editor role:admin, except=" + author;

        Response member = get(path, premium(reader)).expect(200);
        assertThat(member.json().path("bodyIncluded").asBoolean()).isTrue();
        assertThat(member.header(PublicReadCache.SHARED_AUDIENCE)).isEqualTo(body);
        Response staff = get(path, editorToken()).expect(200);
        assertThat(staff.body()).as("the same bytes for every entitled reader").isEqualTo(member.body());
        assertThat(staff.header(PublicReadCache.SHARED_AUDIENCE)).isEqualTo(body);
        Response own = get(path, authorToken()).expect(200);
        assertThat(own.body())
                .as("the author reads the body everyone entitled reads")
                .isEqualTo(member.body());
        assertThat(own.header(PublicReadCache.SHARED_AUDIENCE)).isEqualTo(body);

        Response anonymous = get(path, null).expect(200);
        assertThat(anonymous.json().path("bodyIncluded").asBoolean()).isFalse();
        assertThat(anonymous.header(PublicReadCache.SHARED_AUDIENCE))
                .as("the teaser is for everyone else but the author")
                .isEqualTo(teaser);
        Response free = get(path, readerToken()).expect(200);
        assertThat(free.body()).as("the same bytes for every other reader").isEqualTo(anonymous.body());
        assertThat(free.header(PublicReadCache.SHARED_AUDIENCE)).isEqualTo(teaser);
        Response notTheirs = get(path, bearer(otherAuthor, "author")).expect(200);
        assertThat(notTheirs.body()).as("another author gets the teaser").isEqualTo(anonymous.body());

        for (Response r : List.of(member, staff, own, anonymous, free)) {
            assertThat(r.header("Cache-Control")).contains("no-store").contains("private");
            assertThat(r.header(PublicReadCache.SHARED_CACHE_CONTROL)).isEmpty();
        }
        assertThat(get("/api/v1/posts/" + publishedFree("Free").path("slug").asString(), readerToken())
                        .header(PublicReadCache.SHARED_AUDIENCE))
                .as("a free post is the same for everyone: no audience")
                .isEmpty();
        assertThat(get(path + "-missing", premium(reader)).expect(404).header(PublicReadCache.SHARED_AUDIENCE))
                .isEmpty();
    }

    @Test
    void anAuthorRenameFromTheEventBusReachesCachedAnswers() {
        UUID writer = UUID.randomUUID();
        String slug = createPublished(bearer(writer, "author"), postBody(unique("Renamed"), "body"))
                .path("slug")
                .asString();
        String path = "/api/v1/posts/" + slug;
        String before = readCached(path).json().path("authorName").asString();
        assertThat(before).isNotEqualTo("Grace Hopper");

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", UUID.randomUUID().toString());
        fields.put("type", "identity.user-profile-changed.v1");
        fields.put("occurredAt", Instant.now().toString());
        fields.put("producer", "identity");
        fields.put("aggregateId", writer.toString());
        fields.put(
                "payload",
                JSON.writeValueAsString(Map.of(
                        "userId",
                        writer.toString(),
                        "displayName",
                        "Grace Hopper",
                        "locale",
                        "en",
                        "timeZone",
                        "UTC",
                        "digestOptIn",
                        false,
                        "notificationEmailsOptIn",
                        false,
                        "version",
                        5)));
        redis.xadd(namespace + ":events:identity", StreamEntryID.NEW_ENTRY, fields);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                get(path, null).json().path("authorName").asString())
                        .isEqualTo("Grace Hopper"));
    }

    @Test
    void aChangeCommittedStraightToTheDatabaseEvictsTheCache() {
        String tag = unique("direct");
        JsonNode post = createPublished(authorToken(), postBody(unique("Direct"), "Direct", "tags", List.of(tag)));
        String path = "/api/v1/posts/" + post.path("slug").asString();
        readCached(path);
        readCached("/api/v1/tags/" + tag);

        jdbc.sql("update post set title = 'Retitled elsewhere' where id = :id")
                .param("id", UUID.fromString(post.path("id").asString()))
                .update();
        jdbc.sql("update tag set name = 'Renamed elsewhere' where slug = :slug")
                .param("slug", tag)
                .update();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(get(path, null).json().path("title").asString())
                                .isEqualTo("Retitled elsewhere"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(get("/api/v1/tags/" + tag, null)
                                .json()
                                .path("name")
                                .asString())
                        .isEqualTo("Renamed elsewhere"));
    }

    /**
     * The gateways keep copies of these answers (ADR 0035) and learn of every change from the message
     * this service publishes when its own cache hears one.
     */
    @Test
    void everyChangeTheCacheHearsIsAnnouncedToTheGateways() throws InterruptedException {
        JsonNode post = publishedFree("Announced");
        java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
        JedisPubSub gateway = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                heard.incrementAndGet();
            }
        };
        // SUBSCRIBE holds its connection and thread until unsubscribed, as a gateway's does
        Thread subscriber =
                Thread.ofVirtual().start(() -> redis.subscribe(gateway, namespace + ReadChangeSignal.CHANNEL_SUFFIX));
        try {
            await().atMost(Duration.ofSeconds(10)).until(gateway::isSubscribed);
            int before = heard.get();
            jdbc.sql("update post set title = 'Announced elsewhere' where id = :id")
                    .param("id", UUID.fromString(post.path("id").asString()))
                    .update();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.get() > before);
        } finally {
            if (gateway.isSubscribed()) {
                gateway.unsubscribe();
            }
            subscriber.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSeriesPageAndItsPostsShowANewOrderOnTheNextRequest() {
        String seriesSlug = unique("cached-series");
        String id = post("/api/v1/admin/series", authorToken(), Map.of("title", "Cached series", "slug", seriesSlug))
                .expect(201)
                .json()
                .path("id")
                .asString();
        JsonNode one = publishedFree("one");
        JsonNode two = publishedFree("two");
        String seriesPath = "/api/v1/series/" + seriesSlug;
        String twoPath = "/api/v1/posts/" + two.path("slug").asString();
        assertThat(readCached(seriesPath).json().path("posts").size()).isZero();
        assertThat(readCached(twoPath).json().path("series").isNull()).isTrue();

        put(
                        "/api/v1/admin/series/" + id + "/posts",
                        authorToken(),
                        Map.of(
                                "postIds",
                                List.of(
                                        one.path("id").asString(),
                                        two.path("id").asString())))
                .expect(200);

        assertThat(get(seriesPath, null).expect(200).json().path("posts").size())
                .isEqualTo(2);
        JsonNode nav = get(twoPath, null).expect(200).json().path("series");
        assertThat(nav.path("slug").asString()).isEqualTo(seriesSlug);
        assertThat(nav.path("previous").path("slug").asString())
                .isEqualTo(one.path("slug").asString());
        assertThat(nav.path("next").isNull()).isTrue();
    }

    @Test
    void anUnchangedAnswerIsNotModifiedForItsETagAndAChangedOneIsNot() {
        JsonNode post = publishedFree("Tagged");
        String path = "/api/v1/posts/" + post.path("slug").asString();
        Response first = get(path, null).expect(200);
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");
        assertThat(first.header("Vary")).containsIgnoringCase("Authorization");

        Response fromMemory = send("GET", path, null, null, Map.of("If-None-Match", etag));
        assertThat(fromMemory.status()).isEqualTo(304);
        assertThat(fromMemory.body()).isEmpty();
        assertThat(fromMemory.header("ETag")).isEqualTo(etag);

        Response signedIn = get(path, readerToken()).expect(200);
        assertThat(signedIn.header("Cache-Control")).contains("private").contains("no-store");
        Response signedInAgain =
                send("GET", path, readerToken(), null, Map.of("If-None-Match", signedIn.header("ETag")));
        assertThat(signedInAgain.status()).isEqualTo(304);

        put("/api/v1/admin/posts/" + post.path("id").asString(), authorToken(), update(post, "markdown", "Retagged"))
                .expect(200);
        Response changed = send("GET", path, null, null, Map.of("If-None-Match", etag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().path("html").asString()).contains("Retagged");
    }

    @Test
    void listsTagsAndSeriesArePublicBriefly() {
        publishedFree("Listed");
        for (String path : List.of("/api/v1/posts", "/api/v1/tags", "/api/v1/tags/caching", "/api/v1/series")) {
            Response r = readCached(path);
            assertThat(r.header("Cache-Control")).as(path).contains("public").contains("max-age=30");
            assertThat(r.header("ETag")).as(path).isNotEmpty();
            assertThat(r.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(r.header("X-Request-Id")).as(path).isNotEmpty();
            assertThat(r.header(PublicReadCache.SHARED_CACHE_CONTROL)).as(path).isEqualTo("max-age=30, public");
        }
    }

    @Test
    void aSignedInReaderIsServedAFreePostFromMemoryOnlyWithAValidTokenAndSeesEditsAtOnce() {
        JsonNode post = publishedFree("Shared *text*");
        String path = "/api/v1/posts/" + post.path("slug").asString();
        String token = bearer(UUID.randomUUID(), "reader");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Response first = get(path, token).expect(200);
            assertThat(first.header("Cache-Control")).contains("no-store").contains("private");
            assertThat(first.header(PublicReadCache.SHARED_CACHE_CONTROL))
                    .as("the same for every reader: the gateway may keep it as the public answer (ADR 0107)")
                    .isEqualTo("max-age=30, public");
            long hits = cache.hits();
            Response second = get(path, token).expect(200);
            assertThat(cache.hits()).as("second signed-in read is a cache hit").isEqualTo(hits + 1);
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(second.header("Cache-Control")).contains("no-store").contains("private");
            assertThat(second.header("Vary")).containsIgnoringCase("Authorization");
            assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(second.header(PublicReadCache.SHARED_CACHE_CONTROL)).isEqualTo("max-age=30, public");
        });
        // the anonymous reader gets the same answer from the same entry, marked public
        long hits = cache.hits();
        Response anonymous = get(path, null).expect(200);
        assertThat(cache.hits()).isEqualTo(hits + 1);
        assertThat(anonymous.header("Cache-Control")).contains("public");

        // a token that does not verify is refused although the answer is in memory
        get(path, token.substring(0, token.length() - 4) + "AAAA").expect(401);

        put(
                        "/api/v1/admin/posts/" + post.path("id").asString(),
                        authorToken(),
                        update(post, "markdown", "Edited **now**"))
                .expect(200);
        assertThat(get(path, token).expect(200).json().path("html").asString())
                .contains("<strong>now</strong>")
                .doesNotContain("Shared");
    }

    @Test
    void aPremiumPostReadBySignedInReadersIsNeverStored() {
        JsonNode post = createPublished(
                authorToken(), postBody(unique("Paid"), "Paid body", "premium", true, "excerpt", "Teaser"));
        String path = "/api/v1/posts/" + post.path("slug").asString();
        String member = premium(reader);
        get(path, member).expect(200);
        long hits = cache.hits();
        Response again = get(path, member).expect(200);
        assertThat(cache.hits())
                .as("a premium answer is not served from memory")
                .isEqualTo(hits);
        assertThat(again.json().path("html").asString()).contains("Paid body");
        assertThat(again.header(PublicReadCache.SHARED_CACHE_CONTROL)).isEmpty();
        Response anonymous = get(path, null).expect(200);
        assertThat(anonymous.json().path("html").isNull()).isTrue();
        assertThat(cache.hits()).isEqualTo(hits);
    }
}
