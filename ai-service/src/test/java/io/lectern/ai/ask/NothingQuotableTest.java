package io.lectern.ai.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import io.lectern.ai.indexing.Indexer;
import io.lectern.ai.support.AiIntegrationTest;
import io.lectern.ai.support.Corpus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;

/**
 * Retrieval finds close passages but none of their sentences can be quoted as an answer (all too short,
 * say): the answer must then be labelled uncertain, exactly like an abstention, not presented as an
 * extractive answer whose text says the posts do not cover the question.
 */
class NothingQuotableTest extends AiIntegrationTest {

    @Autowired
    Indexer indexer;

    @MockitoBean
    Extractive extractive;

    @BeforeEach
    void corpus() {
        Corpus.ensureIndexed(indexer);
        when(extractive.answer(anyString(), any(), any(), anyInt())).thenReturn(List.of());
    }

    @Test
    void closePassagesWithoutAQuotableSentenceGiveAnUncertainAnswer() throws Exception {
        List<Sse> events = ask(null, Map.of("question", "Why don't readers block writers in Postgres?"));

        JsonNode citations = events.getFirst().data().path("citations");
        assertThat(citations.get(0).path("slug").asString()).isEqualTo("postgres-mvcc");
        JsonNode done = events.getLast().data();
        assertThat(answerText(events)).contains("don't seem to cover").doesNotContain("[1]");
        assertThat(done.path("uncertain").asBoolean()).isTrue();
        assertThat(done.path("label").asString()).startsWith("Uncertain");
        assertThat(done.path("mode").asString()).isEqualTo("extractive");
        assertThat(done.path("suggestions").size()).isZero();
    }
}
