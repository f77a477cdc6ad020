package io.lectern.learning.quiz;

import io.lectern.learning.problem.LearningProblem;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Authors attach questions (with their keys) to posts; readers never reach these routes. */
@RestController
@RequestMapping("/api/v1/quizzes/questions")
@PreAuthorize("hasAnyRole('AUTHOR','EDITOR','ADMIN')")
class AuthorQuestionController {

    private final AuthorQuestions questions;

    AuthorQuestionController(AuthorQuestions questions) {
        this.questions = questions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    QuizApi.AuthorQuestionResponse create(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody QuizApi.CreateQuestionRequest r) {
        List<String> options = r.options() == null ? List.of() : r.options();
        List<Integer> correct = r.correct() == null ? List.of() : List.copyOf(new TreeSet<>(r.correct()));
        switch (r.type()) {
            case MULTIPLE_CHOICE, MULTIPLE_ANSWERS -> {
                if (options.size() < 2) {
                    throw LearningProblem.invalidField("options", "A choice question needs at least two options.");
                }
                if (correct.isEmpty() || correct.stream().anyMatch(i -> i < 0 || i >= options.size())) {
                    throw LearningProblem.invalidField("correct", "correct lists indexes of existing options.");
                }
                if (r.type() == QuestionType.MULTIPLE_CHOICE && new HashSet<>(correct).size() != 1) {
                    throw LearningProblem.invalidField(
                            "correct", "A multiple-choice question has exactly one right option.");
                }
            }
            case CLOZE, SHORT_TEXT -> {
                if (r.answer() == null || r.answer().isBlank()) {
                    throw LearningProblem.invalidField("answer", "Give the gap's answer or the reference answer.");
                }
                if (!options.isEmpty() || !correct.isEmpty()) {
                    throw LearningProblem.invalidField("options", "A text question has no options.");
                }
                if (r.type() == QuestionType.SHORT_TEXT
                        && KeyTerms.of(r.answer()).isEmpty()) {
                    throw LearningProblem.invalidField("answer", "The reference answer needs some content words.");
                }
            }
        }
        QuizQuestion q = new QuizQuestion(
                UUID.randomUUID(),
                QuizQuestion.Source.AUTHOR,
                r.postId(),
                r.type(),
                r.prompt(),
                options,
                correct,
                r.answer(),
                r.explanation() == null ? "" : r.explanation(),
                r.anchor(),
                null);
        questions.insert(q, QuizController.user(jwt));
        return response(q);
    }

    @GetMapping
    List<QuizApi.AuthorQuestionResponse> list(@RequestParam UUID postId) {
        return questions.forPost(postId).stream()
                .map(AuthorQuestionController::response)
                .toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retire(@PathVariable UUID id) {
        if (!questions.retire(id)) {
            throw LearningProblem.unknown("id", "The question");
        }
    }

    private static QuizApi.AuthorQuestionResponse response(QuizQuestion q) {
        return new QuizApi.AuthorQuestionResponse(
                q.id(),
                q.postId(),
                q.type(),
                q.prompt(),
                q.options(),
                q.correct(),
                q.answerText(),
                q.explanation(),
                q.anchor());
    }
}
