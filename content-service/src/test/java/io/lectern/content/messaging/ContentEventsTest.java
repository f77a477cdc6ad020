package io.lectern.content.messaging;

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
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import tools.jackson.databind.JsonNode;

/** Events out through the outbox to the content stream, and identity events in through the consumer group. */
class ContentEventsTest extends ContentApiTest {

    @Autowired
    RedisClient redis;

    @Autowired
    JdbcClient jdbc;

    @Value("${lectern.events.namespace}")
    String namespace;

    private List<Map<String, String>> streamEntries(String producer, String type, String aggregateId) {
        // a stream nothing was written to yet reads as empty
        return redis
                .xrange(namespace + ":events:" + producer, StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID)
                .stream()
                .map(StreamEntry::getFields)
                .filter(e -> type.equals(e.get("type")) && aggregateId.equals(e.get("aggregateId")))
                .toList();
    }

    @Test
    void publishingPutsPostPublishedOnTheBusExactlyOnce() {
        JsonNode created =
                createPost(authorToken(), postBody(unique("Evented"), "Some **markdown**", "tags", List.of("events")));
        String id = created.path("id").asString();
        post("/api/v1/admin/posts/" + id + "/publish", authorToken(), null).expect(200);
        post("/api/v1/admin/posts/" + id + "/publish", authorToken(), null).expectProblem(409);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(streamEntries("content", "content.post-published.v1", id))
                        .hasSize(1));
        Map<String, String> entry =
                streamEntries("content", "content.post-published.v1", id).get(0);
        JsonNode payload = JSON.readTree(entry.get("payload"));
        assertThat(payload.path("slug").asString())
                .isEqualTo(created.path("slug").asString());
        assertThat(payload.path("markdown").asString()).isEqualTo("Some **markdown**");
        assertThat(payload.path("contentHash").asString()).hasSize(64);
        assertThat(payload.path("tags").get(0).asString()).isEqualTo("events");
        assertThat(jdbc.sql(
                                "select count(*) from outbox where aggregate_id = :id and type = 'content.post-published.v1'")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void editingAPublishedPostSendsPostUpdatedNamingTheChangedFields() {
        JsonNode published = createPublished(authorToken(), postBody(unique("Changing"), "v1"));
        String id = published.path("id").asString();
        put(
                        "/api/v1/admin/posts/" + id,
                        authorToken(),
                        postBody(
                                published.path("title").asString(),
                                "v2",
                                "slug",
                                published.path("slug").asString()))
                .expect(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, String>> updates = streamEntries("content", "content.post-updated.v1", id);
            assertThat(updates).hasSize(1);
            JsonNode payload = JSON.readTree(updates.get(0).get("payload"));
            List<String> changed = new java.util.ArrayList<>();
            payload.path("changed").forEach(field -> changed.add(field.asString()));
            assertThat(changed).contains("markdown").doesNotContain("title", "slug", "tags", "premium", "series");
        });
        post("/api/v1/admin/posts/" + id + "/unpublish", authorToken(), null).expect(200);
        delete("/api/v1/admin/posts/" + id, authorToken()).expect(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(streamEntries("content", "content.post-unpublished.v1", id))
                    .hasSize(1);
            assertThat(streamEntries("content", "content.post-deleted.v1", id)).hasSize(1);
        });
    }

    private void identityEvent(String type, UUID userId, Object payload) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", UUID.randomUUID().toString());
        fields.put("type", type);
        fields.put("occurredAt", Instant.now().toString());
        fields.put("producer", "identity");
        fields.put("aggregateId", userId.toString());
        fields.put("payload", JSON.writeValueAsString(payload));
        redis.xadd(namespace + ":events:identity", StreamEntryID.NEW_ENTRY, fields);
    }

    @Test
    void profileChangesRenameTheAuthorAndDeletedUsersAreAnonymised() {
        UUID writer = UUID.randomUUID();
        String writerToken = bearer(writer, "author");
        String slug = createPublished(writerToken, postBody(unique("Named"), "body"))
                .path("slug")
                .asString();
        identityEvent(
                "identity.user-profile-changed.v1",
                writer,
                Map.of(
                        "userId",
                        writer.toString(),
                        "displayName",
                        "Ada Lovelace",
                        "locale",
                        "en",
                        "timeZone",
                        "UTC",
                        "digestOptIn",
                        false,
                        "notificationEmailsOptIn",
                        false,
                        "version",
                        3));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(get("/api/v1/posts/" + slug, null)
                                .json()
                                .path("authorName")
                                .asString())
                        .isEqualTo("Ada Lovelace"));

        UUID leaving = UUID.randomUUID();
        String leavingToken = bearer(leaving, "editor");
        post("/api/v1/posts/" + slug + "/comments", leavingToken, Map.of("body", "I was here"))
                .expect(201);
        put("/api/v1/posts/" + slug + "/reactions/like", leavingToken, null).expect(200);
        identityEvent(
                "identity.user-deleted.v1",
                leaving,
                Map.of("userId", leaving.toString(), "deletedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode comments = get("/api/v1/posts/" + slug + "/comments", null).json();
            assertThat(comments.get(0).path("authorName").asString()).isEqualTo("Former member");
            assertThat(comments.get(0).path("authorId").isNull()).isTrue();
            assertThat(get("/api/v1/posts/" + slug + "/reactions", null)
                            .json()
                            .path("counts")
                            .path("LIKE")
                            .asInt())
                    .isZero();
        });
    }

    private static Map<String, Object> registered(UUID user, String name) {
        return Map.of(
                "userId",
                user.toString(),
                "email",
                user + "@example.org",
                "displayName",
                name,
                "locale",
                "en",
                "timeZone",
                "UTC",
                "registeredAt",
                Instant.now().toString());
    }

    private static Map<String, Object> profile(UUID user, String name, long version) {
        return Map.of(
                "userId",
                user.toString(),
                "displayName",
                name,
                "locale",
                "en",
                "timeZone",
                "UTC",
                "digestOptIn",
                false,
                "notificationEmailsOptIn",
                false,
                "version",
                version);
    }

    private @org.jspecify.annotations.Nullable String profileName(UUID user) {
        return jdbc.sql("select display_name from author_profile where user_id = :id and not deleted")
                .param("id", user)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void registrationNamesAuthorsAndCommentersAndARetriedProfileChangeCannotResurrectADeletedUser() {
        UUID writer = UUID.randomUUID();
        identityEvent("identity.user-registered.v1", writer, registered(writer, "Grace Hopper"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Grace Hopper".equals(profileName(writer)));

        String writerToken = bearer(writer, "author", "editor");
        String slug = createPublished(writerToken, postBody(unique("Registered"), "body"))
                .path("slug")
                .asString();
        assertThat(get("/api/v1/posts/" + slug, null).json().path("authorName").asString())
                .isEqualTo("Grace Hopper");
        post("/api/v1/posts/" + slug + "/comments", writerToken, Map.of("body", "Author here"))
                .expect(201);
        assertThat(get("/api/v1/posts/" + slug + "/comments", null)
                        .json()
                        .get(0)
                        .path("authorName")
                        .asString())
                .isEqualTo("Grace Hopper");

        identityEvent("identity.user-profile-changed.v1", writer, profile(writer, "Grace B. Hopper", 4));
        identityEvent(
                "identity.user-deleted.v1",
                writer,
                Map.of("userId", writer.toString(), "deletedAt", Instant.now().toString()));
        // the profile change again, as a retry or a late redelivery would bring it
        identityEvent("identity.user-profile-changed.v1", writer, profile(writer, "Grace B. Hopper", 5));
        // events of one stream are handled in order: once this one is in, the retry was handled too
        UUID sentinel = UUID.randomUUID();
        identityEvent("identity.user-registered.v1", sentinel, registered(sentinel, "Sentinel"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "Sentinel".equals(profileName(sentinel)));

        assertThat(profileName(writer)).isNull();
        JsonNode comment =
                get("/api/v1/posts/" + slug + "/comments", null).json().get(0);
        assertThat(comment.path("authorName").asString()).isEqualTo("Former member");
    }

    /** The series' published posts, in order, as the latest SeriesChanged on the bus says. */
    private List<String> announcedPosts(String seriesId) {
        List<Map<String, String>> changes = streamEntries("content", "content.series-changed.v1", seriesId);
        if (changes.isEmpty()) {
            return List.of();
        }
        JsonNode payload = JSON.readTree(changes.get(changes.size() - 1).get("payload"));
        return payload.path("postIds").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void publishingUnpublishingAndDeletingASeriesPostAnnounceTheSeries() {
        String seriesId = post(
                        "/api/v1/admin/series",
                        authorToken(),
                        Map.of("title", unique("Announced"), "description", "Series events"))
                .expect(201)
                .json()
                .path("id")
                .asString();
        JsonNode first = createPublished(
                authorToken(), postBody(unique("Part one"), "one", "seriesId", seriesId, "seriesPosition", 1));
        JsonNode second = createPublished(
                authorToken(), postBody(unique("Part two"), "two", "seriesId", seriesId, "seriesPosition", 2));
        String one = first.path("id").asString();
        String two = second.path("id").asString();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(announcedPosts(seriesId)).containsExactly(one, two));

        post("/api/v1/admin/posts/" + one + "/unpublish", authorToken(), null).expect(200);
        // an unpublished post keeps its first publication date, which a site export (another test class,
        // same database) cannot carry: it does not stay around
        delete("/api/v1/admin/posts/" + one, authorToken()).expect(204);
        delete("/api/v1/admin/posts/" + two, authorToken()).expect(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, String>> changes = streamEntries("content", "content.series-changed.v1", seriesId);
            List<List<String>> announced = changes.stream()
                    .map(e -> JSON.readTree(e.get("payload"))
                            .path("postIds")
                            .valueStream()
                            .map(JsonNode::asString)
                            .toList())
                    .toList();
            assertThat(announced.subList(announced.indexOf(List.of(one, two)), announced.size()))
                    .as("published both, unpublished one, deleted the other")
                    .containsExactly(List.of(one, two), List.of(two), List.of());
            List<Long> versions = changes.stream()
                    .map(e -> JSON.readTree(e.get("payload")).path("version").asLong())
                    .toList();
            assertThat(versions)
                    .as("each announcement supersedes the last")
                    .isSorted()
                    .doesNotHaveDuplicates();
        });
        // an empty series is not part of a site export (another test class compares one)
        delete("/api/v1/admin/series/" + seriesId, authorToken()).expect(204);
    }
}
