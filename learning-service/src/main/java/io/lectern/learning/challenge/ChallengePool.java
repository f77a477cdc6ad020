package io.lectern.learning.challenge;

import io.lectern.learning.problem.LearningProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins' side of the daily challenge: create, edit, schedule, retire. Today's and past days are
 * fixed once people may have answered them: only future days can be (re)scheduled.
 */
@Service
class ChallengePool {

    private final ChallengeStore store;
    private final DailyChallenges daily;

    ChallengePool(ChallengeStore store, DailyChallenges daily) {
        this.store = store;
        this.daily = daily;
    }

    @Transactional
    ChallengeApi.PoolEntry create(ChallengeApi.ChallengeRequest r, UUID by) {
        ChallengeStore.Challenge c = challenge(UUID.randomUUID(), r);
        store.insert(c, by);
        return entry(c);
    }

    @Transactional
    ChallengeApi.PoolEntry edit(UUID id, ChallengeApi.ChallengeRequest r) {
        ChallengeStore.Challenge existing = find(id);
        if (store.scheduledOn(daily.today()).map(c -> c.id().equals(id)).orElse(false)) {
            throw new LearningProblem(
                    HttpStatus.CONFLICT, "challenge-live", "Challenge is live", "Today's challenge cannot be edited.");
        }
        ChallengeStore.Challenge c = challenge(existing.id(), r);
        if (!store.update(c)) {
            throw new LearningProblem(
                    HttpStatus.CONFLICT,
                    "challenge-retired",
                    "Challenge retired",
                    "A retired challenge cannot be edited.");
        }
        return entry(store.find(id).orElseThrow());
    }

    @Transactional
    ChallengeApi.PoolEntry schedule(UUID id, LocalDate day) {
        ChallengeStore.Challenge c = find(id);
        if (c.retiredAt() != null) {
            throw LearningProblem.invalidField("id", "A retired challenge cannot be scheduled.");
        }
        if (!day.isAfter(daily.today())) {
            throw LearningProblem.invalidField("day", "Only days after today (UTC) can be scheduled.");
        }
        store.schedule(day, id);
        return entry(c);
    }

    @Transactional
    void retire(UUID id) {
        find(id);
        store.retire(id, daily.today());
    }

    List<ChallengeApi.PoolEntry> list() {
        return store.pool().stream().map(this::entry).toList();
    }

    private ChallengeStore.Challenge find(UUID id) {
        return store.find(id).orElseThrow(() -> LearningProblem.unknown("id", "The challenge"));
    }

    private static ChallengeStore.Challenge challenge(UUID id, ChallengeApi.ChallengeRequest r) {
        List<String> options = r.options() == null ? List.of() : List.copyOf(r.options());
        switch (r.kind()) {
            case MULTIPLE_CHOICE -> {
                if (options.size() < 2) {
                    throw LearningProblem.invalidField(
                            "options", "A multiple-choice challenge needs at least two options.");
                }
                int key;
                try {
                    key = Integer.parseInt(r.answer().trim());
                } catch (NumberFormatException e) {
                    throw LearningProblem.invalidField("answer", "answer is the index of the right option.");
                }
                if (key < 0 || key >= options.size()) {
                    throw LearningProblem.invalidField("answer", "answer is the index of an existing option.");
                }
                if (r.maxAttempts() >= options.size()) {
                    // otherwise trying every option would always solve it
                    throw LearningProblem.invalidField("maxAttempts", "Allow fewer attempts than there are options.");
                }
            }
            case TEXT, CODE -> {
                if (!options.isEmpty()) {
                    throw LearningProblem.invalidField("options", "Only multiple-choice challenges have options.");
                }
            }
        }
        return new ChallengeStore.Challenge(
                id,
                r.kind(),
                r.title(),
                r.prompt(),
                options,
                r.starterCode(),
                r.language(),
                r.answer(),
                r.explanation() == null ? "" : r.explanation(),
                r.postId(),
                r.maxAttempts(),
                null);
    }

    private ChallengeApi.PoolEntry entry(ChallengeStore.Challenge c) {
        return new ChallengeApi.PoolEntry(
                c.id(),
                c.kind(),
                c.title(),
                c.prompt(),
                c.options(),
                c.starterCode(),
                c.language(),
                c.answerKey(),
                c.explanation(),
                c.postId(),
                c.maxAttempts(),
                store.daysOf(c.id()),
                c.retiredAt());
    }
}
