package io.lectern.ai.ask;

import io.lectern.ai.embedding.Embedder;
import io.lectern.ai.embedding.Vectors;
import io.lectern.ai.retrieval.Passage;
import io.lectern.ai.text.Sentences;
import io.lectern.ai.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The answer without a language model: sentences of the top passages, quoted verbatim, each with the
 * number of its source. Sentences are scored by cosine to the question plus key-term overlap, picked
 * with a redundancy check (no near-duplicates), and put back in source and reading order.
 */
@Component
class Extractive {

    record Quote(String sentence, int source, int position, double score) {}

    private final Embedder embedder;

    Extractive(Embedder embedder) {
        this.embedder = embedder;
    }

    List<Quote> answer(String question, float[] questionVector, List<Passage> sources, int max) {
        List<Quote> candidates = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sources.size() && i < 3; i++) {
            List<String> sentences = Sentences.split(sources.get(i).content());
            for (int j = 0; j < sentences.size(); j++) {
                candidates.add(new Quote(sentences.get(j), i + 1, j, 0));
                texts.add(sentences.get(j));
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors = embedder.embedAll(texts);
        Set<String> questionTerms = Terms.contentStems(question);
        List<Quote> scored = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Quote c = candidates.get(i);
            Set<String> terms = Terms.contentStems(c.sentence());
            long overlap = questionTerms.stream().filter(terms::contains).count();
            double termScore = questionTerms.isEmpty() ? 0 : (double) overlap / questionTerms.size();
            double rankBonus = 0.03 * (3 - c.source());
            scored.add(new Quote(
                    c.sentence(),
                    c.source(),
                    c.position(),
                    Vectors.cosine(questionVector, vectors.get(i)) + 0.25 * termScore + rankBonus));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -scored.get(i).score()));
        List<Integer> picked = new ArrayList<>();
        double best = scored.get(order.getFirst()).score();
        for (int i : order) {
            if (picked.size() == max || scored.get(i).score() < best * 0.6) {
                break;
            }
            boolean redundant = picked.stream().anyMatch(p -> Vectors.cosine(vectors.get(p), vectors.get(i)) > 0.85);
            if (!redundant) {
                picked.add(i);
            }
        }
        return picked.stream()
                .map(scored::get)
                .sorted(Comparator.comparingInt(Quote::source).thenComparingInt(Quote::position))
                .toList();
    }
}
