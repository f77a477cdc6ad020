package io.lectern.ai.ask;

import io.lectern.ai.access.Reader;
import io.lectern.ai.config.AiProperties;
import io.lectern.ai.embedding.QueryEmbeddings;
import io.lectern.ai.reader.ReadHistory;
import io.lectern.ai.retrieval.HybridRetriever;
import io.lectern.ai.retrieval.Passage;
import io.lectern.ai.retrieval.SearchHit;
import io.lectern.ai.retrieval.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ask-AI: retrieve (hybrid, the reader's access, passages of posts they read preferred), send the
 * sources, then the answer in pieces: the language model's when one is configured and healthy,
 * otherwise (or when it fails) the extractive answer. Weak retrieval gives an answer labelled
 * uncertain that says the posts do not cover the question. Every answer is logged.
 */
@Component
class AskService {

    private static final Logger log = LoggerFactory.getLogger(AskService.class);

    static final String EXTRACTIVE_LABEL = "Extractive answer: sentences quoted from the posts, not generated.";
    static final String LLM_LABEL = "Generated answer, grounded in the cited posts.";
    static final String UNCERTAIN_TEXT =
            "The posts don't seem to cover this question, so there is no answer to give. The closest passages are listed as sources.";

    private final HybridRetriever retriever;
    private final QueryEmbeddings queries;
    private final Extractive extractive;
    private final LlmClient llm;
    private final AnswerLog answers;
    private final ReadHistory reads;
    private final JdbcClient jdbc;
    private final AiProperties.Retrieval props;

    AskService(
            HybridRetriever retriever,
            QueryEmbeddings queries,
            Extractive extractive,
            LlmClient llm,
            AnswerLog answers,
            ReadHistory reads,
            JdbcClient jdbc,
            AiProperties props) {
        this.retriever = retriever;
        this.queries = queries;
        this.extractive = extractive;
        this.llm = llm;
        this.answers = answers;
        this.reads = reads;
        this.jdbc = jdbc;
        this.props = props.retrieval();
    }

    record Question(
            String text, @Nullable UUID threadId, @Nullable UUID postId) {}

    /** Validated up front (so bad input is a plain problem response); the stream starts after. */
    @Nullable
    UUID prepareThread(Question q, Reader reader) {
        if (q.threadId() != null) {
            answers.requireOwnThread(q.threadId(), reader.userId());
            return q.threadId();
        }
        return reader.signedIn() ? answers.newThread(reader.id()) : null;
    }

    void answer(Question q, @Nullable UUID threadId, Reader reader, AnswerStream out) {
        List<AnswerLog.Turn> earlier = threadId == null ? List.of() : answers.turns(threadId);
        String searchText = earlier.isEmpty() ? q.text() : earlier.getLast().question() + " " + q.text();
        float[] vector = queries.embed(searchText);
        List<UUID> prefer = reader.signedIn() ? reads.postsReadBy(reader.id(), 200) : List.of();
        if (q.postId() != null) {
            prefer = new ArrayList<>(prefer);
            prefer.add(q.postId());
        }
        List<Passage> passages = retriever.search(new SearchRequest(
                searchText,
                vector,
                null,
                null,
                null,
                reader.seesPremium(),
                4,
                SearchRequest.Mode.HYBRID,
                false,
                null,
                prefer));
        double top = passages.stream().mapToDouble(Passage::similarity).max().orElse(0);
        boolean uncertain = passages.isEmpty() || top < props.abstainBelow();
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            SearchHit h = SearchHit.of(passages.get(i));
            citations.add(new Citation(
                    i + 1,
                    h.postId(),
                    h.title(),
                    h.slug(),
                    h.headingPath(),
                    h.anchor(),
                    h.url(),
                    h.snippet(),
                    h.premium()));
        }
        out.sources(new AnswerStream.SourcesEvent(q.text(), citations));

        StringBuilder text = new StringBuilder();
        String mode;
        String fallback = "";
        String label;
        if (uncertain) {
            mode = "extractive";
            label = "Uncertain: " + UNCERTAIN_TEXT;
            emit(out, text, UNCERTAIN_TEXT);
        } else if (llm.enabled()) {
            List<String> texts = passages.stream().map(Passage::content).toList();
            List<Map<String, String>> history = new ArrayList<>();
            for (AnswerLog.Turn t : earlier.subList(Math.max(0, earlier.size() - 2), earlier.size())) {
                history.add(Map.of("role", "user", "content", t.question()));
                history.add(Map.of("role", "assistant", "content", t.answer()));
            }
            try {
                llm.answer(history, q.text(), citations, texts, sentence -> emit(out, text, sentence));
                mode = "llm";
                label = LLM_LABEL;
            } catch (LlmClient.LlmFailure e) {
                log.info("language model failed ({}): {}; answering extractively", e.reason(), e.getMessage());
                fallback = e.reason();
                if (!text.isEmpty()) {
                    emit(out, text, "\n\n(The language model stopped; quoted passages follow.)\n");
                    mode = "llm+extractive";
                } else {
                    mode = "extractive";
                }
                label = EXTRACTIVE_LABEL;
                if (!extractivePieces(q.text(), vector, passages, out, text) && mode.equals("extractive")) {
                    uncertain = true;
                    label = "Uncertain: " + UNCERTAIN_TEXT;
                }
            }
        } else {
            mode = "extractive";
            label = EXTRACTIVE_LABEL;
            if (!extractivePieces(q.text(), vector, passages, out, text)) {
                // nothing in the passages is quotable as an answer: say so, as when retrieval is weak
                uncertain = true;
                label = "Uncertain: " + UNCERTAIN_TEXT;
            }
        }
        UUID answerId = UUID.randomUUID();
        List<UUID> postIds = new ArrayList<>(
                new LinkedHashSet<>(passages.stream().map(Passage::postId).toList()));
        answers.record(new AnswerLog.Logged(
                answerId,
                threadId,
                reader.userId(),
                q.text(),
                searchText,
                mode,
                uncertain,
                top,
                text.toString(),
                postIds,
                citations));
        out.done(new AnswerStream.DoneEvent(
                answerId.toString(),
                threadId == null ? "" : threadId.toString(),
                mode,
                uncertain,
                label,
                suggestions(passages, uncertain, reader.seesPremium()),
                fallback));
    }

    /** Quotes the best sentences; false (and the uncertain text) when no sentence qualifies. */
    private boolean extractivePieces(
            String question, float[] vector, List<Passage> passages, AnswerStream out, StringBuilder text) {
        List<Extractive.Quote> quotes = extractive.answer(question, vector, passages, 3);
        if (quotes.isEmpty()) {
            emit(out, text, UNCERTAIN_TEXT);
            return false;
        }
        for (int i = 0; i < quotes.size(); i++) {
            Extractive.Quote quote = quotes.get(i);
            emit(out, text, (i == 0 ? "" : " ") + "\"" + quote.sentence() + "\" [" + quote.source() + "]");
        }
        return true;
    }

    private static void emit(AnswerStream out, StringBuilder text, String piece) {
        text.append(piece);
        out.piece(piece);
    }

    /** Two or three follow-ups: other sections of the cited posts the answer did not use. */
    private List<String> suggestions(List<Passage> passages, boolean uncertain, boolean premium) {
        if (passages.isEmpty() || uncertain) {
            return List.of();
        }
        Set<String> used = new LinkedHashSet<>();
        passages.forEach(p -> used.add(p.postId() + "|" + p.headingPath()));
        Set<String> out = new LinkedHashSet<>();
        for (Passage p : passages.subList(0, Math.min(2, passages.size()))) {
            List<String> headings = jdbc.sql("SELECT DISTINCT ON (heading_path) heading_path FROM chunk"
                            + " WHERE post_id = :id AND model = :m AND heading_path <> '' AND (:premium OR NOT premium)"
                            + " ORDER BY heading_path")
                    .param("id", p.postId())
                    .param("m", queries.embedder().model())
                    .param("premium", premium)
                    .query(String.class)
                    .list();
            for (String h : headings) {
                if (!used.contains(p.postId() + "|" + h)) {
                    String last = h.contains(" > ") ? h.substring(h.lastIndexOf(" > ") + 3) : h;
                    out.add("What does \"" + p.title() + "\" say about " + last.toLowerCase(java.util.Locale.ROOT)
                            + "?");
                }
                if (out.size() == 3) {
                    return List.copyOf(out);
                }
            }
        }
        return List.copyOf(out);
    }
}
