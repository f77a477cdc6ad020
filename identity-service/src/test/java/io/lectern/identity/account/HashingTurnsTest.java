package io.lectern.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lectern.platform.web.ProblemException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class HashingTurnsTest {

    /** A first hash that holds its turn until {@code finish} is counted down. */
    private record Holder(CompletableFuture<String> first, CountDownLatch finish) {
        static Holder start(HashingTurns turns) throws InterruptedException {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> turns.run(() -> {
                running.countDown();
                await(finish);
                return "first";
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            return new Holder(first, finish);
        }

        String release() throws Exception {
            finish.countDown();
            return first.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondHashWaitsForTheFirstAndGivesUpWithA503AfterMaxWait() throws Exception {
        HashingTurns turns = new HashingTurns(1, Duration.ofMillis(200));
        Holder holder = Holder.start(turns);

        long start = System.nanoTime();
        assertThatThrownBy(() -> turns.run(() -> "second")).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.toProblemDetail().getDetail()).contains("Try again");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));

        assertThat(holder.release()).isEqualTo("first");
        assertThat(turns.run(() -> "third")).as("the turn is free again").isEqualTo("third");
    }

    @Test
    void twoTurnsLetTwoRunAtOnce() throws Exception {
        HashingTurns turns = new HashingTurns(2, Duration.ofMillis(200));
        Holder holder = Holder.start(turns);
        assertThat(turns.run(() -> "second"))
                .as("without waiting for the first")
                .isEqualTo("second");
        assertThat(holder.release()).isEqualTo("first");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
