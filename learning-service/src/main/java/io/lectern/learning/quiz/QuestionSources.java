package io.lectern.learning.quiz;

import io.lectern.learning.ai.AiClient;
import io.lectern.learning.post.PostView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where a post's quiz questions come from: the author's first, then ai-service's; when ai-service gives
 * nothing (down, slow, breaker open, no usable question), cloze questions from the post's key sentences.
 */
@Component
class QuestionSources {

    static final List<String> AI_TYPES = List.of(QuestionType.MULTIPLE_CHOICE.name(), QuestionType.CLOZE.name());

    /** The questions for one post and where they came from. */
    record Assembled(List<QuizQuestion> questions, boolean aiUsed, boolean fallbackUsed) {}

    private final AuthorQuestions authors;
    private final AiClient ai;

    QuestionSources(AuthorQuestions authors, AiClient ai) {
        this.authors = authors;
        this.ai = ai;
    }

    /** Up to {@code count} questions for {@code post}; {@code tryAi} false skips ai-service (it failed for an earlier post). */
    Assembled forPost(PostView post, int count, boolean tryAi) {
        List<QuizQuestion> out =
                new ArrayList<>(authors.forPost(post.id()).stream().limit(count).toList());
        int need = count - out.size();
        if (need <= 0) {
            return new Assembled(out, false, false);
        }
        Optional<AiClient.GeneratedQuestions> generated =
                tryAi ? ai.quizQuestions(post.id(), need, AI_TYPES) : Optional.empty();
        List<QuizQuestion> fromAi = generated
                .map(g -> g.questions().stream()
                        .map(q -> fromAi(post.id(), q))
                        .flatMap(Optional::stream)
                        .limit(need)
                        .toList())
                .orElse(List.of());
        if (!fromAi.isEmpty()) {
            out.addAll(fromAi);
            return new Assembled(out, true, false);
        }
        Set<String> seen = new HashSet<>();
        out.forEach(q -> seen.add(KeyTerms.normalize(q.prompt())));
        for (ClozeGenerator.Cloze c : ClozeGenerator.generate(post.markdown(), need)) {
            if (seen.add(KeyTerms.normalize(c.prompt()))) {
                out.add(new QuizQuestion(
                        UUID.randomUUID(),
                        QuizQuestion.Source.CLOZE,
                        post.id(),
                        QuestionType.CLOZE,
                        c.prompt(),
                        List.of(),
                        List.of(),
                        c.answer(),
                        "From the post: \"" + c.sentence() + "\"",
                        c.anchor().isEmpty() ? null : c.anchor(),
                        c.sentence()));
            }
        }
        return new Assembled(out, false, true);
    }

    /** An ai-service question if it is well formed; a malformed one is dropped, not shown. */
    static Optional<QuizQuestion> fromAi(UUID postId, AiClient.GeneratedQuestion q) {
        QuestionType type;
        try {
            type = QuestionType.valueOf(q.type());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        if (q.prompt() == null || q.prompt().isBlank()) {
            return Optional.empty();
        }
        List<String> options = q.options() == null ? List.of() : q.options();
        List<Integer> correct = q.correct() == null ? List.of() : q.correct();
        @Nullable String answer = null;
        switch (type) {
            case MULTIPLE_CHOICE, MULTIPLE_ANSWERS -> {
                boolean inRange = correct.stream().allMatch(i -> i != null && i >= 0 && i < options.size());
                if (options.size() < 2 || correct.isEmpty() || !inRange) {
                    return Optional.empty();
                }
                if (type == QuestionType.MULTIPLE_CHOICE && new HashSet<>(correct).size() != 1) {
                    return Optional.empty();
                }
            }
            case CLOZE -> {
                if (q.clozeAnswer() == null || q.clozeAnswer().isBlank()) {
                    return Optional.empty();
                }
                answer = q.clozeAnswer();
            }
            case SHORT_TEXT -> {
                return Optional.empty(); // the contract carries no reference answer to grade against
            }
        }
        return Optional.of(new QuizQuestion(
                UUID.randomUUID(),
                QuizQuestion.Source.AI,
                postId,
                type,
                q.prompt(),
                type == QuestionType.CLOZE ? List.of() : List.copyOf(options),
                type == QuestionType.CLOZE ? List.of() : List.copyOf(new java.util.TreeSet<>(correct)),
                answer,
                q.explanation() == null ? "" : q.explanation(),
                q.anchor(),
                null));
    }
}
