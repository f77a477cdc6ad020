package io.lectern.ai.tutor;

import io.lectern.ai.access.Reader;
import io.lectern.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints learning-service calls (service to service, not routed by the gateway; the caller forwards
 * the reader's token). All of them work without a language model.
 */
@RestController
class TutorController {

    static final int MAX_TEXT = 5000;

    private final PostTexts posts;
    private final StudyMaterial material;

    TutorController(PostTexts posts, StudyMaterial material) {
        this.posts = posts;
        this.material = material;
    }

    record QuizRequest(
            @Nullable UUID postId,
            @Nullable Integer count,
            @Nullable List<String> types) {}

    record QuizResponse(String generator, List<QuizQuestion> questions) {}

    record GradeRequest(
            @Nullable String question,
            @Nullable String reference,
            @Nullable String answer) {}

    record CardsRequest(@Nullable UUID postId, @Nullable Integer count) {}

    record CardsResponse(String generator, List<CardDraft> cards) {}

    @Operation(summary = "Quiz questions (multiple choice with distractors from the series, cloze) made from a post")
    @PostMapping("/internal/v1/quiz-questions")
    QuizResponse quiz(@RequestBody QuizRequest request) {
        UUID postId = requirePost(request.postId());
        int count = count(request.count(), 20);
        Set<QuizQuestion.Type> types = EnumSet.noneOf(QuizQuestion.Type.class);
        for (String t : request.types() == null || request.types().isEmpty()
                ? List.of("MULTIPLE_CHOICE", "CLOZE")
                : request.types()) {
            try {
                types.add(QuizQuestion.Type.valueOf(t));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("types may contain MULTIPLE_CHOICE and CLOZE.")
                        .with("field", "types");
            }
        }
        PostTexts.Post post = posts.load(postId, Reader.current());
        return new QuizResponse("extractive", material.questions(post, count, types));
    }

    @Operation(summary = "Grade a free-text answer against a reference (embedding similarity + key-term coverage)")
    @PostMapping("/internal/v1/grade")
    GradeResult grade(@RequestBody GradeRequest request) {
        return material.grade(
                text(request.question(), "question"),
                text(request.reference(), "reference"),
                text(request.answer(), "answer"));
    }

    @Operation(summary = "Flash-card drafts (front, back, anchor) made from a post")
    @PostMapping("/internal/v1/card-drafts")
    CardsResponse cards(@RequestBody CardsRequest request) {
        UUID postId = requirePost(request.postId());
        int count = count(request.count(), 30);
        return new CardsResponse("extractive", material.cards(posts.load(postId, Reader.current()), count));
    }

    private static UUID requirePost(@Nullable UUID postId) {
        if (postId == null) {
            throw ProblemException.badRequest("postId is required.").with("field", "postId");
        }
        return postId;
    }

    private static int count(@Nullable Integer count, int max) {
        if (count == null || count < 1 || count > max) {
            throw ProblemException.badRequest("count must be between 1 and " + max + ".")
                    .with("field", "count");
        }
        return count;
    }

    private static String text(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " must not be empty.").with("field", field);
        }
        if (value.length() > MAX_TEXT) {
            throw ProblemException.badRequest(field + " must be at most " + MAX_TEXT + " characters.")
                    .with("field", field);
        }
        return value.strip();
    }
}
