package io.lectern.identity.account;

import io.lectern.platform.web.ProblemException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/** A fair, bounded number of turns for memory-hungry work; a caller that waits too long gets a 503. */
final class HashingTurns {

    private final Semaphore turns;
    private final Duration maxWait;

    HashingTurns(int concurrent, Duration maxWait) {
        this.turns = new Semaphore(Math.max(1, concurrent), true);
        this.maxWait = maxWait;
    }

    <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private ProblemException busy() {
        return new ProblemException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Busy",
                        "Too many password checks are running at once. Try again in a moment.")
                .header("Retry-After", Long.toString(Math.max(1, maxWait.toSeconds())));
    }
}
