package io.lectern.ai.ask;

import io.lectern.ai.access.Reader;
import io.lectern.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Ask-AI over server-sent events, threads, feedback, the question log and the unanswered report. */
@RestController
class AskController {

    private static final Logger log = LoggerFactory.getLogger(AskController.class);
    static final int MAX_QUESTION = 1000;
    static final int MAX_REASON = 500;

    private final AskService ask;
    private final AnswerLog answers;

    AskController(AskService ask, AnswerLog answers) {
        this.ask = ask;
        this.answers = answers;
    }

    record AskRequest(
            @Nullable String question,
            @Nullable UUID threadId,
            @Nullable UUID postId) {}

    record Piece(String text) {}

    record FeedbackRequest(
            @Nullable Boolean helpful, @Nullable String reason) {}

    record FeedbackResponse(
            UUID answerId, boolean helpful, @Nullable String reason) {}

    record ThreadResponse(UUID id, List<AnswerLog.Turn> turns) {}

    @Operation(
            summary = "Ask a question; the answer streams as server-sent events",
            description = "Events: `sources` (numbered citations), `piece` (answer text, repeated), then `done`"
                    + " (answer id, thread id, mode extractive|llm|llm+extractive, uncertain, label, suggested"
                    + " follow-ups) — or `error` with a problem document.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @PostMapping(value = "/api/v1/ai/ask", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> ask(@RequestBody AskRequest request) {
        String question = request.question();
        if (question == null || question.isBlank()) {
            throw ProblemException.badRequest("question must not be empty.").with("field", "question");
        }
        if (question.length() > MAX_QUESTION) {
            throw ProblemException.badRequest("question must be at most " + MAX_QUESTION + " characters.")
                    .with("field", "question");
        }
        Reader reader = Reader.current();
        AskService.Question q = new AskService.Question(question.strip(), request.threadId(), request.postId());
        UUID threadId = ask.prepareThread(q, reader);
        SseEmitter emitter = new SseEmitter(120_000L);
        Thread.ofVirtual().name("ask").start(() -> run(q, threadId, reader, emitter));
        return ResponseEntity.ok()
                .header("X-Accel-Buffering", "no")
                .header("Cache-Control", "no-cache")
                .body(emitter);
    }

    private void run(AskService.Question q, @Nullable UUID threadId, Reader reader, SseEmitter emitter) {
        try {
            ask.answer(q, threadId, reader, new AnswerStream() {
                @Override
                public void sources(SourcesEvent sources) {
                    send(emitter, "sources", sources);
                }

                @Override
                public void piece(String text) {
                    send(emitter, "piece", new Piece(text));
                }

                @Override
                public void done(DoneEvent done) {
                    send(emitter, "done", done);
                }
            });
            emitter.complete();
        } catch (ClientGone e) {
            log.debug("ask client went away");
        } catch (RuntimeException | Error e) {
            log.warn("ask failed", e);
            try {
                emitter.send(SseEmitter.event()
                        .name("error")
                        .data(
                                Map.of(
                                        "type", "about:blank",
                                        "title", "Answer failed",
                                        "status", 503,
                                        "detail", "The answer could not be completed; please try again."),
                                MediaType.APPLICATION_JSON));
                emitter.complete();
            } catch (IOException | IllegalStateException ignored) {
                emitter.completeWithError(e);
            }
        }
    }

    private static final class ClientGone extends RuntimeException {
        ClientGone(Throwable cause) {
            super(cause);
        }
    }

    private static void send(SseEmitter emitter, String name, Object data) {
        try {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            throw new ClientGone(e);
        }
    }

    @Operation(summary = "Thumbs up/down (with an optional reason) on one of your own answers")
    @PostMapping("/api/v1/ai/answers/{answerId}/feedback")
    FeedbackResponse feedback(@PathVariable UUID answerId, @RequestBody FeedbackRequest request) {
        Reader reader = Reader.required();
        if (request.helpful() == null) {
            throw ProblemException.badRequest("helpful is required (true or false).")
                    .with("field", "helpful");
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.badRequest("reason must be at most " + MAX_REASON + " characters.")
                    .with("field", "reason");
        }
        answers.feedback(answerId, reader.id(), request.helpful(), reason);
        return new FeedbackResponse(answerId, request.helpful(), reason);
    }

    @Operation(summary = "Your Ask-AI threads, newest first")
    @GetMapping("/api/v1/ai/threads")
    List<AnswerLog.ThreadSummary> threads() {
        return answers.threads(Reader.required().id());
    }

    @Operation(
            summary = "One of your threads with its questions and answers",
            description = "Each turn carries the numbered citations its answer was given with (as in the live"
                    + " `sources` event); answers stored before citations were kept have an empty list.")
    @GetMapping("/api/v1/ai/threads/{threadId}")
    ThreadResponse thread(@PathVariable UUID threadId) {
        answers.requireOwnThread(threadId, Reader.required().id());
        return new ThreadResponse(threadId, answers.turns(threadId));
    }

    @Operation(summary = "The question log (staff)")
    @GetMapping("/api/v1/ai/admin/questions")
    List<AnswerLog.LogEntry> questions(@RequestParam(defaultValue = "100") int limit) {
        if (!Reader.required().isStaff()) {
            throw ProblemException.forbidden("The question log is for staff.");
        }
        return answers.recent(Math.max(1, Math.min(500, limit)));
    }

    @Operation(summary = "Questions the posts could not answer, grouped (staff: all; authors: nearest to their posts)")
    @GetMapping("/api/v1/ai/reports/unanswered")
    List<AnswerLog.UnansweredGroup> unanswered(@RequestParam(defaultValue = "50") int limit) {
        Reader reader = Reader.required();
        if (!reader.canAuthor()) {
            throw ProblemException.forbidden("The unanswered-questions report is for authors and staff.");
        }
        return answers.unanswered(reader.isStaff() ? null : reader.id(), Math.max(1, Math.min(200, limit)));
    }
}
