package io.lectern.learning.quiz;

import io.lectern.contracts.events.learning.QuizPassed;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.learner.Learners;
import io.lectern.learning.post.PostSummary;
import io.lectern.learning.post.PostView;
import io.lectern.learning.post.Posts;
import io.lectern.learning.problem.LearningProblem;
import io.lectern.learning.series.SeriesCatalog;
import io.lectern.learning.series.SeriesView;
import io.lectern.learning.srs.ReviewIntake;
import io.lectern.learning.streak.Activity;
import io.lectern.learning.xp.XpLedger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Quizzes for a post or a series: assembling the questions, keeping the key on the server, grading a
 * submission once, and the results, history and leaderboard built from graded attempts.
 */
@Service
public class QuizService {

    static final String XP_RULE = "quiz-passed";
    static final String FALLBACK_NOTICE =
            "Question generation is unavailable right now: this quiz has the author's questions and gap-fill"
                    + " questions from the post's key sentences.";

    private final QuestionSources sources;
    private final QuizAttempts attempts;
    private final FreeTextGrader freeText;
    private final Posts posts;
    private final SeriesCatalog series;
    private final Learners learners;
    private final XpLedger ledger;
    private final Activity activity;
    private final EventPublisher events;
    private final QuizProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    private final ReviewIntake review;

    QuizService(
            QuestionSources sources,
            QuizAttempts attempts,
            FreeTextGrader freeText,
            Posts posts,
            SeriesCatalog series,
            Learners learners,
            XpLedger ledger,
            Activity activity,
            EventPublisher events,
            QuizProperties props,
            TransactionTemplate tx,
            ReviewIntake review,
            Clock clock) {
        this.review = review;
        this.sources = sources;
        this.attempts = attempts;
        this.freeText = freeText;
        this.posts = posts;
        this.series = series;
        this.learners = learners;
        this.ledger = ledger;
        this.activity = activity;
        this.events = events;
        this.props = props;
        this.tx = tx;
        this.clock = clock;
    }

    QuizApi.AttemptResponse start(UUID userId, QuizApi.StartQuizRequest request) {
        if ((request.postId() == null) == (request.seriesId() == null)) {
            throw LearningProblem.invalidField("postId", "Give exactly one of postId and seriesId.");
        }
        QuizAttempts.Purpose purpose = purpose(request);
        List<QuizQuestion> questions = new ArrayList<>();
        boolean aiUsed = false;
        boolean fallback = false;
        if (request.postId() != null) {
            PostView post = posts.findVisible(request.postId())
                    .orElseThrow(() -> LearningProblem.unknown("postId", "The post"));
            QuestionSources.Assembled a = sources.forPost(post, props.questionsPerPost(), true);
            questions.addAll(a.questions());
            aiUsed = a.aiUsed();
            fallback = a.fallbackUsed();
        } else {
            SeriesView s = series.find(request.seriesId())
                    .filter(v -> !v.deleted())
                    .orElseThrow(() -> LearningProblem.unknown("seriesId", "The series"));
            List<PostView> inSeries = s.postIds().stream()
                    .map(posts::findVisible)
                    .flatMap(Optional::stream)
                    .toList();
            int total = props.questionsPerSeries();
            int perPost = inSeries.isEmpty() ? 0 : Math.max(1, (int) Math.ceil((double) total / inSeries.size()));
            boolean tryAi = true;
            for (PostView post : inSeries) {
                int want = Math.min(perPost, total - questions.size());
                if (want <= 0) {
                    break;
                }
                QuestionSources.Assembled a = sources.forPost(post, want, tryAi);
                questions.addAll(a.questions());
                aiUsed |= a.aiUsed();
                if (a.fallbackUsed()) {
                    fallback = true;
                    tryAi = false; // ai-service failed once: don't make the learner wait on it per post
                }
            }
        }
        if (questions.isEmpty()) {
            throw new LearningProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "no-questions",
                    "No questions",
                    "There are no questions for this quiz yet.");
        }
        Instant now = clock.instant();
        String generator = fallback ? (aiUsed ? "mixed-fallback" : "fallback") : aiUsed ? "ai" : "author";
        QuizAttempts.Attempt attempt = new QuizAttempts.Attempt(
                UUID.randomUUID(),
                userId,
                request.postId(),
                request.seriesId(),
                purpose,
                generator,
                fallback,
                now,
                now.plus(props.attemptTtl()),
                null,
                null,
                null,
                questions.size(),
                null);
        tx.executeWithoutResult(status -> attempts.insert(attempt, questions));
        return view(attempt, questions);
    }

    private static QuizAttempts.Purpose purpose(QuizApi.StartQuizRequest request) {
        if (request.purpose() == null) {
            return request.seriesId() != null ? QuizAttempts.Purpose.FINAL : QuizAttempts.Purpose.PRACTICE;
        }
        QuizAttempts.Purpose p;
        try {
            p = QuizAttempts.Purpose.valueOf(request.purpose());
        } catch (IllegalArgumentException e) {
            throw LearningProblem.invalidField("purpose", "purpose is one of PRACTICE, FINAL, RETENTION.");
        }
        if (p != QuizAttempts.Purpose.PRACTICE && request.seriesId() == null) {
            throw LearningProblem.invalidField("purpose", "A " + p + " quiz is taken on a series.");
        }
        return p;
    }

    /** The attempt and its questions, never with keys (also after submission: the result has those). */
    QuizApi.AttemptResponse get(UUID userId, UUID attemptId) {
        QuizAttempts.Attempt a = owned(userId, attemptId);
        return view(a, attempts.questions(a.id()));
    }

    /** The graded result; 409 while the attempt is not submitted (the key is only shown with a result). */
    QuizApi.ResultResponse result(UUID userId, UUID attemptId) {
        QuizAttempts.Attempt a = owned(userId, attemptId);
        if (a.submittedAt() == null) {
            throw LearningProblem.conflict("quiz-attempt-not-submitted", "Submit the attempt to see its result.");
        }
        return result(a);
    }

    /**
     * Grades and records a submission. A second submission of the same attempt changes nothing and gets
     * the first one's result. Bad input is refused before anything is written.
     */
    QuizApi.ResultResponse submit(UUID userId, UUID attemptId, QuizApi.SubmitRequest request) {
        QuizAttempts.Attempt a = owned(userId, attemptId);
        if (a.submittedAt() != null) {
            return result(a);
        }
        Instant now = clock.instant();
        if (!now.isBefore(a.expiresAt())) {
            throw expired(a);
        }
        List<QuizQuestion> questions = attempts.questions(a.id());
        Map<UUID, QuizApi.AnswerInput> given = validate(questions, request);
        List<QuizAttempts.Answer> graded = new ArrayList<>();
        double sum = 0;
        int correct = 0;
        for (QuizQuestion q : questions) {
            QuizApi.AnswerInput in = given.get(q.id());
            List<Integer> selected =
                    in == null || in.selected() == null ? List.of() : List.copyOf(new TreeSet<>(in.selected()));
            String text = in == null ? null : in.text();
            Grading.Outcome o = grade(q, selected, text);
            graded.add(new QuizAttempts.Answer(
                    q.id(),
                    selected,
                    text,
                    o.correct(),
                    o.score(),
                    o.feedback(),
                    o.method(),
                    o.coveredTerms(),
                    o.missingTerms()));
            sum += o.score();
            correct += o.correct() ? 1 : 0;
        }
        double score = Math.round(sum / questions.size() * 1000) / 1000.0;
        boolean passed = score >= props.passScore();
        int correctCount = correct;
        Boolean recorded = tx.execute(status -> {
            if (!attempts.claimSubmission(a.id(), now, score, correctCount, passed)) {
                return false;
            }
            graded.forEach(g -> attempts.insertAnswer(a.id(), g));
            activity.record(userId, now);
            if (passed) {
                ledger.award(userId, XP_RULE, a.id().toString(), now);
                events.publish(
                        userId.toString(),
                        new QuizPassed(
                                a.id(),
                                userId,
                                a.postId(),
                                a.seriesId(),
                                a.purpose().name(),
                                score,
                                correctCount,
                                questions.size(),
                                now));
            }
            return true;
        });
        QuizAttempts.Attempt after = attempts.find(a.id()).orElseThrow();
        if (!Boolean.TRUE.equals(recorded) && after.submittedAt() == null) {
            throw expired(a); // lost the race against the clock, not against another submission
        }
        return result(after);
    }

    private static LearningProblem expired(QuizAttempts.Attempt a) {
        return (LearningProblem) new LearningProblem(
                        HttpStatus.CONFLICT,
                        "quiz-attempt-expired",
                        "Attempt expired",
                        "This attempt expired at " + a.expiresAt() + "; start a new one.")
                .with("expiresAt", a.expiresAt().toString());
    }

    private Map<UUID, QuizApi.AnswerInput> validate(List<QuizQuestion> questions, QuizApi.SubmitRequest request) {
        Map<UUID, QuizQuestion> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        Map<UUID, QuizApi.AnswerInput> given = new HashMap<>();
        for (int i = 0; i < request.answers().size(); i++) {
            QuizApi.AnswerInput in = request.answers().get(i);
            QuizQuestion q = byId.get(in.questionId());
            String field = "answers[" + i + "]";
            if (q == null) {
                throw LearningProblem.invalidField(
                        field + ".questionId", "Question " + in.questionId() + " is not part of this attempt.");
            }
            if (given.put(q.id(), in) != null) {
                throw LearningProblem.invalidField(field + ".questionId", "Question " + q.id() + " is answered twice.");
            }
            List<Integer> selected = in.selected() == null ? List.of() : in.selected();
            switch (q.type()) {
                case MULTIPLE_CHOICE, MULTIPLE_ANSWERS -> {
                    for (Integer s : selected) {
                        if (s == null || s < 0 || s >= q.options().size()) {
                            throw LearningProblem.invalidField(field + ".selected", "Option " + s + " does not exist.");
                        }
                    }
                    if (q.type() == QuestionType.MULTIPLE_CHOICE && new HashSet<>(selected).size() > 1) {
                        throw LearningProblem.invalidField(
                                field + ".selected", "A multiple-choice question takes one option.");
                    }
                }
                case CLOZE, SHORT_TEXT -> {
                    if (!selected.isEmpty()) {
                        throw LearningProblem.invalidField(field + ".selected", "This question is answered with text.");
                    }
                }
            }
        }
        return given;
    }

    private Grading.Outcome grade(QuizQuestion q, List<Integer> selected, @Nullable String text) {
        return switch (q.type()) {
            case MULTIPLE_CHOICE -> Grading.singleChoice(Set.copyOf(q.correct()), Set.copyOf(selected));
            case MULTIPLE_ANSWERS -> Grading.multipleAnswers(Set.copyOf(q.correct()), Set.copyOf(selected));
            case CLOZE -> Grading.cloze(key(q), text == null ? "" : text);
            case SHORT_TEXT -> freeText.grade(q.prompt(), key(q), text == null ? "" : text);
        };
    }

    /**
     * "Add my mistakes to review": a review card for every question of a submitted attempt that was not
     * answered right (front: the question, back: the key and the explanation, anchored to the passage to
     * reread). Asking again adds nothing new.
     */
    QuizApi.MistakesAdded addMistakesToReview(UUID userId, UUID attemptId) {
        QuizAttempts.Attempt a = owned(userId, attemptId);
        if (a.submittedAt() == null) {
            throw LearningProblem.conflict("quiz-attempt-not-submitted", "Submit the attempt before reviewing it.");
        }
        Map<UUID, QuizAttempts.Answer> answers = new HashMap<>();
        attempts.answers(a.id()).forEach(x -> answers.put(x.questionId(), x));
        List<ReviewIntake.Mistake> mistakes = new ArrayList<>();
        for (QuizQuestion q : attempts.questions(a.id())) {
            QuizAttempts.Answer ans = answers.get(q.id());
            if (ans != null && ans.correct()) {
                continue;
            }
            mistakes.add(
                    new ReviewIntake.Mistake(q.id().toString(), cardFront(q), cardBack(q), q.postId(), q.anchor()));
        }
        int added = mistakes.isEmpty() ? 0 : review.addMistakes(userId, mistakes);
        return new QuizApi.MistakesAdded(a.id(), mistakes.size(), added);
    }

    private static String cardFront(QuizQuestion q) {
        if (q.options().isEmpty()) {
            return q.prompt();
        }
        StringBuilder front = new StringBuilder(q.prompt());
        for (int i = 0; i < q.options().size(); i++) {
            front.append("\n")
                    .append((char) ('A' + i))
                    .append(") ")
                    .append(q.options().get(i));
        }
        return front.toString();
    }

    private static String cardBack(QuizQuestion q) {
        String answer;
        if (q.type() == QuestionType.CLOZE || q.type() == QuestionType.SHORT_TEXT) {
            answer = key(q).split("\\|")[0];
        } else {
            List<String> right = new ArrayList<>();
            for (int i : q.correct()) {
                right.add((char) ('A' + i) + ") " + q.options().get(i));
            }
            answer = String.join("; ", right);
        }
        return q.explanation().isBlank() ? answer : answer + "\n\n" + q.explanation();
    }

    private static String key(QuizQuestion q) {
        return q.answerText() == null ? "" : q.answerText();
    }

    QuizApi.HistoryResponse history(UUID userId, @Nullable UUID postId, @Nullable UUID seriesId) {
        List<QuizAttempts.Attempt> list = attempts.history(userId, postId, seriesId, 100);
        Double best = list.stream()
                .map(QuizAttempts.Attempt::score)
                .filter(java.util.Objects::nonNull)
                .max(Double::compare)
                .orElse(null);
        return new QuizApi.HistoryResponse(
                list.stream()
                        .map(a -> new QuizApi.AttemptSummary(
                                a.id(),
                                a.postId(),
                                a.seriesId(),
                                a.purpose().name(),
                                a.startedAt(),
                                a.submittedAt(),
                                a.score(),
                                a.passed()))
                        .toList(),
                best);
    }

    QuizApi.LeaderboardResponse leaderboard(@Nullable UUID postId, @Nullable UUID seriesId) {
        if ((postId == null) == (seriesId == null)) {
            throw LearningProblem.invalidField("postId", "Give exactly one of postId and seriesId.");
        }
        List<QuizAttempts.BoardRow> rows = attempts.leaderboard(postId, seriesId, props.leaderboardSize());
        Map<UUID, String> names = learners.displayNames(
                rows.stream().map(QuizAttempts.BoardRow::userId).toList());
        List<QuizApi.LeaderboardEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            QuizAttempts.BoardRow r = rows.get(i);
            entries.add(new QuizApi.LeaderboardEntry(
                    i + 1, r.userId(), names.getOrDefault(r.userId(), "Learner"), r.score(), r.submittedAt()));
        }
        return new QuizApi.LeaderboardResponse(postId, seriesId, entries);
    }

    /** When the user last passed the series' final quiz, if ever. */
    public Optional<Instant> finalQuizPassed(UUID userId, UUID seriesId) {
        return attempts.passedSince(userId, seriesId, QuizAttempts.Purpose.FINAL, Instant.EPOCH);
    }

    /** When the user last passed a retention quiz on the series at or after {@code since}. */
    public Optional<Instant> retentionQuizPassed(UUID userId, UUID seriesId, Instant since) {
        return attempts.passedSince(userId, seriesId, QuizAttempts.Purpose.RETENTION, since);
    }

    private QuizAttempts.Attempt owned(UUID userId, UUID attemptId) {
        return attempts.find(attemptId)
                .filter(a -> a.userId().equals(userId))
                .orElseThrow(() -> LearningProblem.unknown("id", "The quiz attempt"));
    }

    private static QuizApi.AttemptResponse view(QuizAttempts.Attempt a, List<QuizQuestion> questions) {
        return new QuizApi.AttemptResponse(
                a.id(),
                a.postId(),
                a.seriesId(),
                a.purpose().name(),
                a.generator(),
                a.degraded(),
                a.degraded() ? FALLBACK_NOTICE : null,
                a.startedAt(),
                a.expiresAt(),
                a.submittedAt(),
                questions.stream()
                        .map(q -> new QuizApi.QuestionView(q.id(), q.type(), q.prompt(), q.options(), q.postId()))
                        .toList());
    }

    private QuizApi.ResultResponse result(QuizAttempts.Attempt a) {
        List<QuizQuestion> questions = attempts.questions(a.id());
        Map<UUID, QuizAttempts.Answer> answers = new HashMap<>();
        attempts.answers(a.id()).forEach(x -> answers.put(x.questionId(), x));
        Map<UUID, PostSummary> postInfo = posts.summaries(
                questions.stream().map(QuizQuestion::postId).distinct().toList());
        List<QuizApi.QuestionResult> out = new ArrayList<>();
        for (QuizQuestion q : questions) {
            QuizAttempts.Answer ans = answers.get(q.id());
            boolean right = ans != null && ans.correct();
            PostSummary p = postInfo.get(q.postId());
            QuizApi.Reread reread = right || p == null
                    ? null
                    : new QuizApi.Reread(p.id(), p.slug(), p.title(), q.anchor(), q.passage());
            boolean textual = q.type() == QuestionType.CLOZE || q.type() == QuestionType.SHORT_TEXT;
            out.add(new QuizApi.QuestionResult(
                    q.id(),
                    q.type(),
                    q.prompt(),
                    q.options(),
                    right,
                    ans == null ? 0 : ans.score(),
                    ans == null ? List.of() : ans.selected(),
                    ans == null ? null : ans.text(),
                    q.correct(),
                    textual ? key(q).split("\\|")[0] : null,
                    q.explanation(),
                    ans == null ? "" : ans.feedback(),
                    ans == null ? "exact" : ans.method(),
                    ans == null ? List.of() : ans.coveredTerms(),
                    ans == null ? List.of() : ans.missingTerms(),
                    reread));
        }
        return new QuizApi.ResultResponse(
                a.id(),
                a.postId(),
                a.seriesId(),
                a.purpose().name(),
                a.score() == null ? 0 : a.score(),
                a.correctCount() == null ? 0 : a.correctCount(),
                a.total(),
                Boolean.TRUE.equals(a.passed()),
                props.passScore(),
                java.util.Objects.requireNonNull(a.submittedAt()),
                out);
    }
}
