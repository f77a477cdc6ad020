package io.lectern.content.comment;

import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The moderation queue: held and reported comments, for editors and admins. */
@RestController
@RequestMapping("/api/v1/admin/comments")
@PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
class CommentModerationController {

    private final CommentService comments;

    CommentModerationController(CommentService comments) {
        this.comments = comments;
    }

    @GetMapping
    List<CommentService.ModerationItem> queue(
            @RequestParam(defaultValue = "PENDING") CommentService.Status status,
            @RequestParam(defaultValue = "false") boolean reported) {
        return comments.queue(reported ? null : status, reported);
    }

    @PostMapping("/{id}/approve")
    CommentResponse approve(@PathVariable UUID id) {
        return CommentService.response(comments.approve(id), List.of());
    }

    @PostMapping("/{id}/reject")
    CommentResponse reject(@PathVariable UUID id) {
        return CommentService.response(comments.reject(id), List.of());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        comments.moderatorDelete(id);
        return ResponseEntity.noContent().build();
    }
}
