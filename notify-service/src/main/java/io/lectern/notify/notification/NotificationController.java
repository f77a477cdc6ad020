package io.lectern.notify.notification;

import io.lectern.platform.web.ProblemException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;
    private final NotificationStream stream;

    NotificationController(Notifications notifications, NotificationStream stream) {
        this.notifications = notifications;
        this.stream = stream;
    }

    @GetMapping
    NotificationPage list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000 || size < 1 || size > 100) {
            throw ProblemException.badRequest("page must be 0..10000 and size 1..100.");
        }
        return notifications.page(user(jwt), page, size);
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        if (!notifications.markRead(user(jwt), id)) {
            throw ProblemException.notFound("Notification " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    ReadAllResponse readAll(@AuthenticationPrincipal Jwt jwt) {
        return new ReadAllResponse(notifications.markAllRead(user(jwt)));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> dismiss(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        if (!notifications.dismiss(user(jwt), id)) {
            throw ProblemException.notFound("Notification " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Live notifications as server-sent events; each event's id is the notification's seq. A client
     * reconnecting with {@code Last-Event-ID} first receives everything it missed.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @AuthenticationPrincipal Jwt jwt,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        long after = -1;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("Last-Event-ID must be the id of an event of this stream.");
            }
            if (after < 0) {
                throw ProblemException.badRequest("Last-Event-ID must not be negative.");
            }
        }
        return stream.open(user(jwt), after);
    }

    record ReadAllResponse(int marked) {}

    private static UUID user(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("The token's subject is not a user id.");
        }
    }
}
