package io.lectern.eventbus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints of the bus in each service: this group's dead letters (list, show, replay,
 * delete) and replay of this service's outbox after Redis lost data. Admins only.
 */
@RestController
@RequestMapping("/api/v1/admin/events")
@PreAuthorize("hasRole('ADMIN')")
class EventAdminController {

    record ReplayResult(String id, DeadLetters.ReplayOutcome outcome) {}

    record OutboxReplayResult(Instant since, int republished) {}

    private final DeadLetters deadLetters;
    private final OutboxRelay relay;

    EventAdminController(DeadLetters deadLetters, OutboxRelay relay) {
        this.deadLetters = deadLetters;
        this.relay = relay;
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> list(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.list(Math.clamp(limit, 1, 1000));
    }

    @GetMapping("/dead-letters/{id}")
    ResponseEntity<DeadLetters.DeadLetter> show(@PathVariable String id) {
        return ResponseEntity.of(deadLetters.find(id));
    }

    @PostMapping("/dead-letters/{id}/replay")
    ResponseEntity<?> replay(@PathVariable String id) {
        try {
            return deadLetters
                    .replay(id)
                    .<ResponseEntity<?>>map(outcome -> ResponseEntity.ok(new ReplayResult(id, outcome)))
                    .orElseGet(() -> ResponseEntity.notFound().build());
        } catch (RuntimeException e) {
            // The handler failed again: the dead letter stays; tell the operator why.
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_CONTENT, "The handler failed again; the dead letter was kept.");
            problem.setTitle("Replay failed");
            problem.setProperties(
                    Map.of("error", OutboxRelay.truncate(rootCause(e).toString())));
            return ResponseEntity.of(problem).build();
        }
    }

    @DeleteMapping("/dead-letters/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        return deadLetters.delete(id)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    /** Publishes again every event this service produced at or after {@code since} (ISO-8601 instant). */
    @PostMapping("/outbox/replay")
    OutboxReplayResult replayOutbox(@RequestParam Instant since) {
        return new OutboxReplayResult(since, relay.replaySince(since));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
