package io.lectern.learning.srs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.contracts.events.content.PostPublished;
import io.lectern.contracts.events.content.PostUpdated;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SourceChangesTest extends SrsTestSupport {

    static final String ORIGINAL = """
            Intro paragraph of the post.

            ## Retrieval practice

            Testing yourself beats rereading.

            ## Spacing

            Spread reviews over days.
            """;

    static final String EDITED = """
            Intro paragraph of the post.

            ## Retrieval practice

            Testing yourself beats rereading, even when you fail.

            ## Spacing

            Spread   reviews over
            days.
            """;

    @Test
    void aPostEditFlagsExactlyTheCardsOfTheChangedSectionWithTheNewTextAndADeletionMarksAllRemoved() throws Exception {
        UUID postId = UUID.randomUUID();
        awaitHandled(publishToBus(postId.toString(), published(postId, ORIGINAL)));
        UUID reader = registeredUser("UTC");
        UUID otherReader = registeredUser("UTC");
        UUID retrieval = passageCard(reader, postId, "retrieval-practice");
        UUID retrievalOther = passageCard(otherReader, postId, "retrieval-practice");
        UUID spacing = passageCard(reader, postId, "spacing");
        UUID unanchored = passageCard(reader, postId, null);
        String dueBefore = card(reader, retrieval).get("due").asString();

        awaitHandled(publishToBus(postId.toString(), updated(postId, EDITED, 2)));

        JsonNode changed = card(reader, retrieval);
        assertThat(changed.get("sourceStatus").asString()).isEqualTo("CHANGED");
        assertThat(changed.get("sourceText").asString()).isEqualTo("Testing yourself beats rereading.");
        assertThat(changed.get("sourceNewText").asString())
                .isEqualTo("Testing yourself beats rereading, even when you fail.");
        assertThat(changed.get("due").asString())
                .as("never silently rescheduled")
                .isEqualTo(dueBefore);
        assertThat(card(otherReader, retrievalOther).get("sourceStatus").asString())
                .isEqualTo("CHANGED");
        assertThat(card(reader, spacing).get("sourceStatus").asString())
                .as("re-wrapped text is not a change")
                .isEqualTo("CURRENT");
        assertThat(card(reader, unanchored).get("sourceStatus").asString()).isEqualTo("CURRENT");

        HttpResponse<String> edited = put(
                "/api/v1/srs/cards/" + retrieval, reader, Map.of("front", "Why test yourself?", "back", "It works."));
        assertThat(json(edited.body()).get("sourceStatus").asString()).isEqualTo("CURRENT");
        assertThat(json(edited.body()).get("sourceText").asString())
                .isEqualTo("Testing yourself beats rereading, even when you fail.");

        awaitHandled(publishToBus(postId.toString(), new PostDeleted(postId, "post", Instant.now(), 3)));
        for (UUID id : List.of(retrieval, spacing, unanchored)) {
            assertThat(card(reader, id).get("sourceStatus").asString()).isEqualTo("REMOVED");
        }
        assertThat(count("select count(*) from srs_card where user_id = :user", reader))
                .isEqualTo(3);
    }

    private UUID passageCard(UUID user, UUID postId, String anchor) throws Exception {
        Map<String, Object> body =
                new java.util.HashMap<>(Map.of("kind", "BASIC", "front", "Q", "back", "A", "postId", postId));
        if (anchor != null) {
            body.put("anchor", anchor);
        }
        HttpResponse<String> r = post("/api/v1/srs/cards", user, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return UUID.fromString(json(r.body()).get(0).get("id").asString());
    }

    private JsonNode card(UUID user, UUID id) throws Exception {
        return json(get("/api/v1/srs/cards/" + id, user).body());
    }

    static PostPublished published(UUID id, String markdown) {
        return new PostPublished(
                id,
                "post-" + id,
                "Learning science",
                "An excerpt",
                UUID.randomUUID(),
                "Author",
                null,
                null,
                null,
                List.of("learning"),
                "BEGINNER",
                false,
                5,
                markdown,
                "h1",
                Instant.parse("2031-01-01T10:00:00Z"),
                1);
    }

    static PostUpdated updated(UUID id, String markdown, long version) {
        return new PostUpdated(
                id,
                "post-" + id,
                null,
                "Learning science",
                "An excerpt",
                UUID.randomUUID(),
                "Author",
                null,
                null,
                null,
                List.of("learning"),
                "BEGINNER",
                false,
                5,
                markdown,
                "h" + version,
                List.of("markdown"),
                Instant.now(),
                version);
    }
}
