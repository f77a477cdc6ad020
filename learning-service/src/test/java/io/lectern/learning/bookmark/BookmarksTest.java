package io.lectern.learning.bookmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.contracts.events.content.PostDeleted;
import io.lectern.learning.LearningIntegrationTest;
import io.lectern.learning.post.Posts;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class BookmarksTest extends LearningIntegrationTest {

    @Autowired
    Posts posts;

    @Autowired
    ObjectMapper json;

    @Test
    void bookmarksPageNewestFirstThroughEveryPageWithoutGapsOrRepeats() throws Exception {
        UUID user = registeredUser("UTC");
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            UUID post = publishedPost();
            clock.set(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i));
            assertThat(send(put(user, post)).statusCode()).isEqualTo(200);
            added.add(post);
        }
        clock.reset();

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get(user, "/api/v1/bookmarks?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            page.get("items").forEach(item -> seen.add(item.get("postId").asString()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .containsExactlyElementsOf(
                        added.reversed().stream().map(UUID::toString).toList());
    }

    @Test
    void aTamperedCursorIsAProblemNamingTheCursor() throws Exception {
        UUID user = registeredUser("UTC");
        for (int i = 0; i < 3; i++) {
            send(put(user, publishedPost()));
        }
        String cursor = get(user, "/api/v1/bookmarks?limit=1").get("nextCursor").asString();
        char[] chars = cursor.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';

        HttpResponse<String> response = send(request("/api/v1/bookmarks?limit=1&cursor=" + new String(chars), user)
                .GET()
                .build());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://lectern.dev/problems/invalid-cursor");
        assertThat(problem.get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void statusForManyPostsAndADeletedPostLeavesTheList() throws Exception {
        UUID user = registeredUser("UTC");
        UUID kept = publishedPost();
        UUID gone = publishedPost();
        UUID never = publishedPost();
        send(put(user, kept));
        send(put(user, gone));
        tx.executeWithoutResult(s -> posts.onDeleted(new PostDeleted(gone, "slug", Instant.now(), 2)));

        JsonNode status = get(user, "/api/v1/bookmarks/status?postIds=" + kept + "," + gone + "," + never);
        JsonNode list = get(user, "/api/v1/bookmarks");

        assertThat(status.get("bookmarked").get(kept.toString()).asBoolean()).isTrue();
        assertThat(status.get("bookmarked").get(gone.toString()).asBoolean()).isTrue();
        assertThat(status.get("bookmarked").get(never.toString()).asBoolean()).isFalse();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("postId").asString()).isEqualTo(kept.toString());
        assertThat(list.get("items").get(0).get("title").asString()).startsWith("Post ");
    }

    @Test
    void bookmarkingAnUnknownPostIsAProblemAndWritesNothing() throws Exception {
        UUID user = registeredUser("UTC");

        HttpResponse<String> response = send(put(user, UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("field").asString()).isEqualTo("postId");
        assertThat(count("select count(*) from bookmark where user_id = :user", user))
                .isZero();
    }

    @Test
    void removingIsIdempotent() throws Exception {
        UUID user = registeredUser("UTC");
        UUID post = publishedPost();
        send(put(user, post));

        HttpResponse<String> first =
                send(request("/api/v1/bookmarks/" + post, user).DELETE().build());
        HttpResponse<String> second =
                send(request("/api/v1/bookmarks/" + post, user).DELETE().build());

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(second.statusCode()).isEqualTo(204);
        assertThat(count("select count(*) from bookmark where user_id = :user", user))
                .isZero();
    }

    UUID publishedPost() {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> posts.onPublished(post(id, null, null, 3, 1)));
        return id;
    }

    HttpRequest put(UUID user, UUID post) {
        return request("/api/v1/bookmarks/" + post, user)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    JsonNode get(UUID user, String path) throws Exception {
        HttpResponse<String> response = send(request(path, user).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
