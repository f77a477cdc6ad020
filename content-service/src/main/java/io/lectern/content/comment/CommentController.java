package io.lectern.content.comment;

import io.lectern.content.access.Caller;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CommentController {

    private final CommentService comments;

    CommentController(CommentService comments) {
        this.comments = comments;
    }

    @GetMapping("/api/v1/posts/{slug}/comments")
    List<CommentResponse> tree(@PathVariable String slug) {
        return comments.tree(slug);
    }

    @PostMapping("/api/v1/posts/{slug}/comments")
    ResponseEntity<CommentResponse> create(@PathVariable String slug, @Valid @RequestBody CommentRequest request) {
        CommentService.CommentRow created = comments.create(slug, request, Caller.required());
        return ResponseEntity.status(HttpStatus.CREATED).body(CommentService.response(created, List.of()));
    }

    @PutMapping("/api/v1/comments/{id}")
    CommentResponse edit(@PathVariable UUID id, @Valid @RequestBody CommentRequest request) {
        return CommentService.response(comments.edit(id, request, Caller.required()), List.of());
    }

    @DeleteMapping("/api/v1/comments/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        comments.deleteOwn(id, Caller.required());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/comments/{id}/reports")
    ResponseEntity<Void> report(@PathVariable UUID id, @Valid @RequestBody ReportRequest request) {
        comments.report(id, request.reason(), request.note(), Caller.required());
        return ResponseEntity.accepted().build();
    }
}
