package io.lectern.ai.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.ai.embedding.QueryEmbeddings;
import io.lectern.ai.indexing.Indexer;
import io.lectern.ai.support.AiIntegrationTest;
import io.lectern.ai.support.Corpus;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** hit@5 (the answering post among the first five posts) on the fixed corpus, per retrieval mode. */
class RetrievalQualityTest extends AiIntegrationTest {

    @Autowired
    Indexer indexer;

    @Autowired
    HybridRetriever retriever;

    @Autowired
    QueryEmbeddings queries;

    @Test
    void hybridFindsTheAnsweringPostInTheTopFiveForAtLeastNinetyPercentAndBeatsEachLegAlone() {
        long t0 = System.nanoTime();
        Corpus.ensureIndexed(indexer);
        long t1 = System.nanoTime();
        List<Corpus.Question> questions = Corpus.questions();
        assertThat(Corpus.posts()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(questions).hasSizeGreaterThanOrEqualTo(50);

        Map<SearchRequest.Mode, Integer> hits1 = new EnumMap<>(SearchRequest.Mode.class);
        Map<SearchRequest.Mode, Integer> hits5 = new EnumMap<>(SearchRequest.Mode.class);
        StringBuilder misses = new StringBuilder();
        for (Corpus.Question q : questions) {
            float[] v = queries.embed(q.text());
            for (SearchRequest.Mode mode : SearchRequest.Mode.values()) {
                List<Passage> top = retriever.search(
                        new SearchRequest(q.text(), v, null, Corpus.TAG, null, true, 5, mode, true, null, List.of()));
                int rank = 0;
                for (int i = 0; i < top.size(); i++) {
                    if (top.get(i).slug().equals(q.slug())) {
                        rank = i + 1;
                        break;
                    }
                }
                if (rank == 1) {
                    hits1.merge(mode, 1, Integer::sum);
                }
                if (rank > 0) {
                    hits5.merge(mode, 1, Integer::sum);
                } else if (mode == SearchRequest.Mode.HYBRID) {
                    misses.append("  miss: ")
                            .append(q.text())
                            .append(" -> ")
                            .append(top.stream().map(Passage::slug).toList())
                            .append('\n');
                }
            }
        }
        int n = questions.size();
        System.out.printf(
                "indexing %d ms, %d questions x 3 modes %d ms%n",
                (t1 - t0) / 1_000_000, questions.size(), (System.nanoTime() - t1) / 1_000_000);
        double hybrid = hits5.getOrDefault(SearchRequest.Mode.HYBRID, 0) / (double) n;
        double vector = hits5.getOrDefault(SearchRequest.Mode.VECTOR, 0) / (double) n;
        double text = hits5.getOrDefault(SearchRequest.Mode.TEXT, 0) / (double) n;
        System.out.printf(
                "%nRetrieval quality on %d posts / %d questions (model %s)%n"
                        + "  mode      hit@1   hit@5%n  hybrid    %.3f   %.3f%n  vector    %.3f   %.3f%n  full-text %.3f   %.3f%n%s",
                Corpus.posts().size(),
                n,
                indexer.model(),
                hits1.getOrDefault(SearchRequest.Mode.HYBRID, 0) / (double) n,
                hybrid,
                hits1.getOrDefault(SearchRequest.Mode.VECTOR, 0) / (double) n,
                vector,
                hits1.getOrDefault(SearchRequest.Mode.TEXT, 0) / (double) n,
                text,
                misses);
        assertThat(hybrid).isGreaterThanOrEqualTo(0.9);
        assertThat(hybrid).isGreaterThanOrEqualTo(vector);
        assertThat(hybrid).isGreaterThanOrEqualTo(text);
    }
}
