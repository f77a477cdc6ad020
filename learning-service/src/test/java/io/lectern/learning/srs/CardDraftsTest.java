package io.lectern.learning.srs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CardDraftsTest extends SrsTestSupport {

    static final String POST = """
            Spaced repetition schedules each review just before you would forget.

            ## Stability

            Stability is the number of days until recall probability falls to ninety percent.
            Each successful review raises stability, and a lapse lowers stability again.

            ## Retrievability

            Retrievability is the probability of recall at a given moment, and retrievability decays over time.
            The scheduler picks the day when retrievability reaches the desired retention.
            """;

    @AfterEach
    void resetStandIn() {
        if (AI.isRunning()) {
            AI.resetAll();
        }
    }

    @Test
    @Order(1)
    void draftsFromAiServiceWaitForTheReaderWhoAcceptsEditsOrDiscardsThem() throws Exception {
        UUID postId = UUID.randomUUID();
        awaitHandled(publishToBus(postId.toString(), SourceChangesTest.published(postId, POST)));
        UUID reader = registeredUser("UTC");
        AI.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/internal/v1/card-drafts"))
                .withRequestBody(matchingJsonPath("$.postId", equalTo(postId.toString())))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"generator":"llm","cards":[
                                  {"front":"What is stability?","back":"Days until recall falls to 90 %.","anchor":"stability"},
                                  {"front":"What is retrievability?","back":"The probability of recall now.","anchor":"retrievability"}]}
                                """)));

        HttpResponse<String> drafted = post("/api/v1/srs/posts/" + postId + "/drafts", reader, Map.of());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
        JsonNode drafts = json(drafted.body());
        assertThat(drafts).hasSize(2);
        assertThat(drafts.get(0).get("generator").asString()).isEqualTo("llm");
        AI.verify(postRequestedFor(urlEqualTo("/internal/v1/card-drafts"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer .+")));
        assertThat(count("select count(*) from srs_card where user_id = :user", reader))
                .as("nothing enters the queue unasked")
                .isZero();

        UUID keep = UUID.fromString(drafts.get(0).get("id").asString());
        UUID drop = UUID.fromString(drafts.get(1).get("id").asString());
        HttpResponse<String> accepted = post(
                "/api/v1/srs/drafts/" + keep + "/accept", reader, Map.of("back", "About 90 % recall after S days."));
        assertThat(accepted.statusCode()).isEqualTo(201);
        JsonNode card = json(accepted.body());
        assertThat(card.get("origin").asString()).isEqualTo("DRAFT");
        assertThat(card.get("back").asString()).isEqualTo("About 90 % recall after S days.");
        assertThat(card.get("anchor").asString()).isEqualTo("stability");
        assertThat(card.get("sourceText").asString()).startsWith("Stability is the number of days");

        HttpResponse<String> discarded =
                send(request("/api/v1/srs/drafts/" + drop, reader).DELETE().build());
        assertThat(discarded.statusCode()).isEqualTo(204);
        assertThat(count("select count(*) from srs_card where user_id = :user", reader))
                .isEqualTo(1);
        assertThat(count("select count(*) from srs_draft where user_id = :user", reader))
                .isZero();
        HttpResponse<String> otherReaders =
                post("/api/v1/srs/drafts/" + keep + "/accept", registeredUser("UTC"), Map.of());
        assertThat(otherReaders.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(2) // stops the stand-in for good (WireMock does not restart cleanly on the same port)
    void withAiServiceAbsentTheDraftsAreClozeCardsOverThePostsKeySentences() throws Exception {
        UUID postId = UUID.randomUUID();
        awaitHandled(publishToBus(postId.toString(), SourceChangesTest.published(postId, POST)));
        UUID reader = registeredUser("UTC");
        AI.stop();

        HttpResponse<String> drafted = send(request("/api/v1/srs/posts/" + postId + "/drafts", reader)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
        JsonNode drafts = json(drafted.body());
        assertThat(drafts.size()).isBetween(1, 8);
        for (JsonNode d : drafts) {
            assertThat(d.get("generator").asString()).isEqualTo("key-sentences");
            assertThat(d.get("kind").asString()).isEqualTo("CLOZE");
            assertThat(d.get("front").asString()).contains("[...]");
            assertThat(d.get("back").asString()).doesNotContain("[...]");
        }
        assertThat(drafts.toString()).containsIgnoringCase("stability").containsIgnoringCase("retrievability");
        assertThat(count("select count(*) from srs_card where user_id = :user", reader))
                .isZero();
    }
}
