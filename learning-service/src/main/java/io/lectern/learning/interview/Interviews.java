package io.lectern.learning.interview;

import io.lectern.contracts.events.learning.InterviewCompleted;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.ai.AiClient;
import io.lectern.learning.post.PostSummary;
import io.lectern.learning.post.PostView;
import io.lectern.learning.post.Posts;
import io.lectern.learning.problem.LearningProblem;
import io.lectern.learning.quiz.ClozeGenerator;
import io.lectern.learning.quiz.FreeTextGrader;
import io.lectern.learning.quiz.Grading;
import io.lectern.learning.series.SeriesCatalog;
import io.lectern.learning.series.SeriesView;
import io.lectern.learning.xp.XpLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mock interviews: questions from the author-managed bank, topped up by ai-service (its questions asked
 * open, the right option and explanation as reference), else by open questions on the series' key
 * sentences. One question at a time; each answer gets feedback at once; the last one closes the session
 * with an overall score, strengths, gaps and posts to reread. Sessions can be resumed.
 */
@Service
class Interviews {

    static final String XP_RULE = "interview-completed";
    static final String FALLBACK_NOTICE =
            "Question generation is unavailable: this interview uses the question bank and the posts' key sentences.";
    static final String REFERENCE_LABEL =
            "Feedback compares your answers with reference answers (similarity and key-term coverage); no language model was used.";
    static final String LLM_LABEL = "Feedback by a language model, checked against reference answers.";

    private final InterviewStore store;
    private final AiClient ai;
    private final FreeTextGrader grader;
    private final Posts posts;
    private final SeriesCatalog series;
    private final XpLedger ledger;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    Interviews(
            InterviewStore store,
            AiClient ai,
            FreeTextGrader grader,
            Posts posts,
            SeriesCatalog series,
            XpLedger ledger,
            EventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        this.store = store;
        this.ai = ai;
        this.grader = grader;
        this.posts = posts;
        this.series = series;
        this.ledger = ledger;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    InterviewApi.SessionResponse start(UUID userId, InterviewApi.StartRequest r) {
        if ((r.seriesId() == null) == (r.tag() == null || r.tag().isBlank())) {
            throw LearningProblem.invalidField("seriesId", "Give exactly one of seriesId and tag.");
        }
        int count = r.questions() == null ? 5 : r.questions();
        List<InterviewApi.BankQuestion> bank = new ArrayList<>(store.bank(r.seriesId(), r.tag()));
        Collections.shuffle(bank);
        List<InterviewStore.Item> items = new ArrayList<>();
        for (InterviewApi.BankQuestion q : bank) {
            if (items.size() == count) {
                break;
            }
            items.add(item(items.size(), "BANK", q.prompt(), q.reference(), q.postId(), q.anchor()));
        }
        boolean degraded = false;
        if (items.size() < count && r.seriesId() != null) {
            SeriesView s = series.find(r.seriesId())
                    .filter(v -> !v.deleted())
                    .orElseThrow(() -> LearningProblem.unknown("seriesId", "The series"));
            List<PostView> inSeries = s.postIds().stream()
                    .map(posts::findVisible)
                    .flatMap(Optional::stream)
                    .toList();
            degraded = !topUpFromAi(items, inSeries, count);
            if (degraded) {
                topUpFromSentences(items, inSeries, count);
            }
        }
        if (items.isEmpty()) {
            throw new LearningProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "no-questions",
                    "No questions",
                    "There are no interview questions for this topic yet.");
        }
        Instant now = clock.instant();
        InterviewStore.Session session = new InterviewStore.Session(
                UUID.randomUUID(),
                userId,
                r.seriesId(),
                r.tag(),
                r.timeLimitSeconds(),
                now,
                null,
                null,
                List.of(),
                List.of(),
                null);
        List<InterviewStore.Item> stamped = new ArrayList<>();
        for (InterviewStore.Item i : items) {
            stamped.add(i.position() == 0 ? withAsked(i, now) : i);
        }
        tx.executeWithoutResult(st -> store.insertSession(session, stamped));
        return view(session.id(), degraded ? FALLBACK_NOTICE : null);
    }

    private static InterviewStore.Item item(
            int position,
            String source,
            String prompt,
            String reference,
            @Nullable UUID postId,
            @Nullable String anchor) {
        return new InterviewStore.Item(
                position, source, prompt, reference, postId, anchor, null, null, null, null, null, null, List.of(),
                List.of());
    }

    private static InterviewStore.Item withAsked(InterviewStore.Item i, Instant at) {
        return new InterviewStore.Item(
                i.position(),
                i.source(),
                i.prompt(),
                i.reference(),
                i.postId(),
                i.anchor(),
                at,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of());
    }

    /** True when ai-service answered (even with too few questions); false when it is unavailable. */
    private boolean topUpFromAi(List<InterviewStore.Item> items, List<PostView> inSeries, int count) {
        for (PostView post : inSeries) {
            if (items.size() >= count) {
                return true;
            }
            Optional<AiClient.GeneratedQuestions> generated =
                    ai.quizQuestions(post.id(), Math.min(2, count - items.size()), List.of("MULTIPLE_CHOICE"));
            if (generated.isEmpty()) {
                return false;
            }
            for (AiClient.GeneratedQuestion q : generated.get().questions()) {
                if (items.size() >= count
                        || q.options() == null
                        || q.correct() == null
                        || q.correct().isEmpty()) {
                    continue;
                }
                int right = q.correct().getFirst();
                if (right < 0 || right >= q.options().size()) {
                    continue;
                }
                String reference = q.options().get(right) + (q.explanation() == null ? "" : ". " + q.explanation());
                items.add(item(items.size(), "AI", q.prompt(), reference, post.id(), q.anchor()));
            }
        }
        return true;
    }

    private static void topUpFromSentences(List<InterviewStore.Item> items, List<PostView> inSeries, int count) {
        for (PostView post : inSeries) {
            for (ClozeGenerator.Cloze c : ClozeGenerator.generate(post.markdown(), 2)) {
                if (items.size() >= count) {
                    return;
                }
                String prompt = "Explain what \"" + post.title() + "\" says about " + c.answer() + ".";
                items.add(item(
                        items.size(),
                        "BANK",
                        prompt,
                        c.sentence(),
                        post.id(),
                        c.anchor().isEmpty() ? null : c.anchor()));
            }
        }
    }

    InterviewApi.SessionResponse get(UUID userId, UUID id) {
        owned(userId, id);
        return view(id, null);
    }

    InterviewApi.SessionList mine(UUID userId) {
        return new InterviewApi.SessionList(store.forUser(userId).stream()
                .map(s -> new InterviewApi.SessionSummary(
                        s.id(), s.seriesId(), s.tag(), s.startedAt(), s.completedAt(), s.score()))
                .toList());
    }

    /** Answers the current question; feedback comes back at once with the next question. */
    InterviewApi.SessionResponse answer(UUID userId, UUID id, InterviewApi.AnswerRequest r) {
        InterviewStore.Session s = owned(userId, id);
        if (s.completedAt() != null) {
            throw new LearningProblem(
                    HttpStatus.CONFLICT, "interview-completed", "Interview finished", "This interview is finished.");
        }
        List<InterviewStore.Item> items = store.items(id);
        InterviewStore.Item current =
                items.stream().filter(i -> i.answeredAt() == null).findFirst().orElseThrow();
        if (r.position() != current.position()) {
            throw LearningProblem.invalidField(
                    "position", "The current question is number " + current.position() + ".");
        }
        Instant now = clock.instant();
        boolean timedOut = s.timeLimitSeconds() != null
                && current.askedAt() != null
                && now.isAfter(current.askedAt().plusSeconds(s.timeLimitSeconds()));
        Grading.Outcome o = timedOut
                ? new Grading.Outcome(false, 0, List.of(), List.of(), "Answered after the time limit.", "timeout")
                : grader.grade(current.prompt(), current.reference(), r.answer());
        tx.executeWithoutResult(st -> {
            InterviewStore.Session locked = store.findForUpdate(id).orElseThrow();
            if (locked.completedAt() != null) {
                return;
            }
            store.answer(
                    id,
                    current.position(),
                    r.answer(),
                    now,
                    o.score(),
                    o.feedback(),
                    o.method(),
                    o.coveredTerms(),
                    o.missingTerms());
            List<InterviewStore.Item> after = store.items(id);
            Optional<InterviewStore.Item> next =
                    after.stream().filter(i -> i.answeredAt() == null).findFirst();
            if (next.isPresent()) {
                store.asked(id, next.get().position(), now);
            } else {
                complete(locked, after, now);
            }
        });
        return view(id, null);
    }

    private void complete(InterviewStore.Session s, List<InterviewStore.Item> items, Instant now) {
        double score = items.stream()
                .mapToDouble(i -> i.score() == null ? 0 : i.score())
                .average()
                .orElse(0);
        score = Math.round(score * 1000) / 1000.0;
        Set<String> strengths = new LinkedHashSet<>();
        Set<String> gaps = new LinkedHashSet<>();
        for (InterviewStore.Item i : items) {
            if (i.score() != null && i.score() >= Grading.FREE_TEXT_PASS) {
                strengths.add(i.prompt());
            } else {
                gaps.add(i.prompt());
            }
        }
        boolean llm = items.stream().allMatch(i -> "llm".equals(i.method()));
        String method = llm ? "llm" : "reference";
        store.complete(s.id(), now, score, List.copyOf(strengths), List.copyOf(gaps), method);
        ledger.award(s.userId(), XP_RULE, s.id().toString(), now);
        events.publish(
                s.userId().toString(),
                new InterviewCompleted(s.id(), s.userId(), s.seriesId(), s.tag(), items.size(), score, method, now));
    }

    private InterviewStore.Session owned(UUID userId, UUID id) {
        return store.find(id)
                .filter(s -> s.userId().equals(userId))
                .orElseThrow(() -> LearningProblem.unknown("id", "The interview"));
    }

    private InterviewApi.SessionResponse view(UUID id, @Nullable String notice) {
        InterviewStore.Session s = store.find(id).orElseThrow();
        List<InterviewStore.Item> items = store.items(id);
        Map<UUID, PostSummary> info = posts.summaries(items.stream()
                .map(InterviewStore.Item::postId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList());
        Integer current = null;
        List<InterviewApi.Item> out = new ArrayList<>();
        Map<UUID, InterviewApi.Reread> reread = new LinkedHashMap<>();
        for (InterviewStore.Item i : items) {
            if (i.answeredAt() == null) {
                if (current == null) {
                    current = i.position();
                    out.add(new InterviewApi.Item(i.position(), i.source(), i.prompt(), i.askedAt(), null, null));
                }
                continue; // later questions stay hidden: one question at a time
            }
            InterviewApi.Reread rr = null;
            PostSummary p = i.postId() == null ? null : info.get(i.postId());
            boolean weak = i.score() == null || i.score() < Grading.FREE_TEXT_PASS;
            if (weak && p != null) {
                rr = new InterviewApi.Reread(p.id(), p.slug(), p.title(), i.anchor());
                reread.putIfAbsent(p.id(), rr);
            }
            out.add(new InterviewApi.Item(
                    i.position(),
                    i.source(),
                    i.prompt(),
                    i.askedAt(),
                    i.answer(),
                    new InterviewApi.Feedback(
                            i.score() == null ? 0 : i.score(),
                            i.feedback() == null ? "" : i.feedback(),
                            i.method() == null ? "" : i.method(),
                            i.coveredTerms(),
                            i.missingTerms(),
                            "timeout".equals(i.method()),
                            rr)));
        }
        InterviewApi.Overall overall = s.completedAt() == null
                ? null
                : new InterviewApi.Overall(
                        s.score() == null ? 0 : s.score(),
                        s.strengths(),
                        s.gaps(),
                        List.copyOf(reread.values()),
                        s.feedbackMethod() == null ? "reference" : s.feedbackMethod(),
                        "llm".equals(s.feedbackMethod()) ? LLM_LABEL : REFERENCE_LABEL);
        return new InterviewApi.SessionResponse(
                s.id(),
                s.seriesId(),
                s.tag(),
                s.timeLimitSeconds(),
                s.startedAt(),
                s.completedAt(),
                notice,
                current,
                out,
                overall);
    }
}
