package io.lectern.learning.note;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in reader's private study notes. */
@RestController
@RequestMapping("/api/v1/notes")
class NoteController {

    private final StudyNotes notes;

    NoteController(StudyNotes notes) {
        this.notes = notes;
    }

    @PostMapping
    ResponseEntity<NoteResponse> create(@AuthenticationPrincipal Jwt jwt, @RequestBody NoteRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(notes.create(user(jwt), request));
    }

    @GetMapping("/{noteId}")
    NoteResponse get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID noteId) {
        return notes.find(user(jwt), noteId);
    }

    @PutMapping("/{noteId}")
    NoteResponse edit(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID noteId, @RequestBody NoteRequest request) {
        return notes.edit(user(jwt), noteId, request);
    }

    @DeleteMapping("/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID noteId) {
        notes.delete(user(jwt), noteId);
    }

    /** Notes of one post ({@code postId}) or all, optionally matching {@code q}; newest edit first. */
    @GetMapping
    NotePage list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Nullable UUID postId,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return notes.list(user(jwt), postId, q, cursor, limit);
    }

    /** Every note as one Markdown file. */
    @GetMapping(value = "/export", produces = "text/markdown")
    ResponseEntity<String> export(@AuthenticationPrincipal Jwt jwt) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/markdown;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"study-notes.md\"")
                .body(notes.markdown(user(jwt)));
    }

    private static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
