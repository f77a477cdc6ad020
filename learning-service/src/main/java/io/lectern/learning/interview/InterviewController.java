package io.lectern.learning.interview;

import io.lectern.learning.problem.LearningProblem;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/** Mock interviews for candidates, and the question bank for authors. */
@RestController
@RequestMapping("/api/v1/interviews")
class InterviewController {

    private final Interviews interviews;
    private final InterviewStore store;

    InterviewController(Interviews interviews, InterviewStore store) {
        this.interviews = interviews;
        this.store = store;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    InterviewApi.SessionResponse start(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody InterviewApi.StartRequest r) {
        return interviews.start(user(jwt), r);
    }

    @GetMapping
    InterviewApi.SessionList mine(@AuthenticationPrincipal Jwt jwt) {
        return interviews.mine(user(jwt));
    }

    @GetMapping("/{id}")
    InterviewApi.SessionResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return interviews.get(user(jwt), id);
    }

    @PostMapping("/{id}/answers")
    InterviewApi.SessionResponse answer(
            @AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @Valid @RequestBody InterviewApi.AnswerRequest r) {
        return interviews.answer(user(jwt), id, r);
    }

    @PostMapping("/bank")
    @PreAuthorize("hasAnyRole('AUTHOR','EDITOR','ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    InterviewApi.BankQuestion addToBank(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody InterviewApi.BankQuestionRequest r) {
        if (r.seriesId() == null && (r.tag() == null || r.tag().isBlank())) {
            throw LearningProblem.invalidField("seriesId", "Give a seriesId or a tag.");
        }
        InterviewApi.BankQuestion q = new InterviewApi.BankQuestion(
                UUID.randomUUID(), r.seriesId(), r.tag(), r.prompt(), r.reference(), r.postId(), r.anchor());
        store.insertBank(q, user(jwt));
        return q;
    }

    @GetMapping("/bank")
    @PreAuthorize("hasAnyRole('AUTHOR','EDITOR','ADMIN')")
    List<InterviewApi.BankQuestion> bank(
            @RequestParam(required = false) @Nullable UUID seriesId,
            @RequestParam(required = false) @Nullable String tag) {
        return store.bank(seriesId, tag);
    }

    @DeleteMapping("/bank/{id}")
    @PreAuthorize("hasAnyRole('AUTHOR','EDITOR','ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retire(@PathVariable UUID id) {
        if (!store.retireBank(id)) {
            throw LearningProblem.unknown("id", "The question");
        }
    }

    private static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
