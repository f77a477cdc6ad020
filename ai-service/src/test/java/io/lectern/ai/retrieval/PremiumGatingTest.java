package io.lectern.ai.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.ai.indexing.Indexer;
import io.lectern.ai.support.AiIntegrationTest;
import io.lectern.ai.support.Corpus;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Premium passages reach premium readers and staff only: checked on every endpoint that returns text. */
class PremiumGatingTest extends AiIntegrationTest {

    static final Set<String> PREMIUM =
            Corpus.premiumPosts().map(Corpus.Post::slug).collect(Collectors.toSet());

    @Autowired
    Indexer indexer;

    String free;
    String premium;

    @BeforeEach
    void corpus() {
        Corpus.ensureIndexed(indexer);
        free = bearer(UUID.randomUUID());
        premium = premiumBearer(UUID.randomUUID());
    }

    @Test
    void hybridSearchHidesPremiumPostsFromFreeAndAnonymousReadersAndStillReturnsKResults() throws Exception {
        String q = "/api/v1/hybrid-search?tag=eval&q=" + enc("HNSW index m ef_construction recall");
        for (String who : new String[] {null, free}) {
            JsonNode results = json(get(q, who)).path("results");
            assertThat(slugs(results)).isNotEmpty().doesNotContainAnyElementsOf(PREMIUM);
        }
        assertThat(slugs(json(get(q, premium)).path("results"))).contains("pgvector-hnsw");
        assertThat(slugs(json(get(q, bearer(UUID.randomUUID(), "editor"))).path("results")))
                .contains("pgvector-hnsw");

        // a selective filter: only premium posts carry "vectors"
        assertThat(json(get("/api/v1/hybrid-search?tag=vectors&q=" + enc("nearest neighbour"), free))
                        .path("results")
                        .size())
                .isZero();
        assertThat(slugs(json(get("/api/v1/hybrid-search?tag=vectors&q=" + enc("nearest neighbour"), premium))
                        .path("results")))
                .containsExactly("pgvector-hnsw");
        // six posts are tagged postgres, one of them premium: a free reader still gets k = 5 free ones
        JsonNode postgres = json(get(
                        "/api/v1/hybrid-search?tag=postgres&limit=5&q=" + enc("vector index recall"), free))
                .path("results");
        assertThat(postgres.size()).isEqualTo(5);
        assertThat(slugs(postgres)).doesNotContainAnyElementsOf(PREMIUM);
    }

    @Test
    void relatedChunksSimilarPostsAndRecommendationsNeverShowPremiumToFreeReaders() throws Exception {
        UUID hybrid = Corpus.id("hybrid-search");
        for (String who : new String[] {null, free}) {
            assertThat(slugs(json(get("/api/v1/rag/posts/" + hybrid + "/related-chunks?limit=20", who))))
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(PREMIUM);
            assertThat(slugs(json(get("/api/v1/rag/posts/" + hybrid + "/similar?limit=20", who))))
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(PREMIUM);
            assertThat(slugs(json(get("/api/v1/recommendations?limit=20&postId=" + hybrid, who))))
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(PREMIUM);
        }
        assertThat(slugs(json(get("/api/v1/rag/posts/" + hybrid + "/related-chunks?limit=20", premium))))
                .containsAnyElementsOf(PREMIUM);
        assertThat(slugs(json(get("/api/v1/rag/posts/" + hybrid + "/similar?limit=40", premium))))
                .containsAnyElementsOf(PREMIUM);
        assertThat(get("/api/v1/rag/posts/" + UUID.randomUUID() + "/similar", null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void askOverSseCitesAndQuotesNoPremiumPassageForAFreeReader() throws Exception {
        String question = "How big should chunks be for retrieval augmented generation?";
        String rag = Corpus.post("rag-chunking").markdown();
        for (String who : new String[] {null, free}) {
            List<Sse> events = ask(who, Map.of("question", question));
            JsonNode citations = events.getFirst().data().path("citations");
            assertThat(slugs(citations)).doesNotContainAnyElementsOf(PREMIUM);
            for (JsonNode c : citations) {
                assertThat(c.path("premium").asBoolean()).isFalse();
            }
            String answer = answerText(events);
            assertThat(answer).doesNotContain("Chunks of a few hundred tokens balance precision");
            assertThat(rag).contains("Chunks of a few hundred tokens balance precision");
        }
        List<Sse> premiumEvents = ask(premium, Map.of("question", question));
        assertThat(slugs(premiumEvents.getFirst().data().path("citations"))).contains("rag-chunking");
    }

    @Test
    void studyMaterialOfAPremiumPostIsRefusedToFreeReaders() throws Exception {
        UUID hnsw = Corpus.id("pgvector-hnsw");
        HttpResponse<String> quiz = post("/internal/v1/quiz-questions", free, Map.of("postId", hnsw, "count", 2));
        assertThat(quiz.statusCode()).isEqualTo(403);
        assertThat(json(quiz).path("field").asString()).isEqualTo("postId");
        assertThat(post("/internal/v1/card-drafts", free, Map.of("postId", hnsw, "count", 2))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post("/internal/v1/card-drafts", premium, Map.of("postId", hnsw, "count", 2))
                        .statusCode())
                .isEqualTo(200);
    }

    static List<String> slugs(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.path("slug").asString());
        }
        return out;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
