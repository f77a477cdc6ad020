package io.lectern.content.tag;

import io.lectern.content.access.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Authors create tags; renaming, deleting and merging touch everyone's posts, so they are for editors. */
@RestController
@RequestMapping("/api/v1/admin/tags")
class AdminTagController {

    private final TagService tags;

    AdminTagController(TagService tags) {
        this.tags = tags;
    }

    @PostMapping
    ResponseEntity<TagService.TagResponse> create(@Valid @RequestBody TagRequest request) {
        TagService.TagResponse created = tags.create(request, Caller.required());
        return ResponseEntity.created(URI.create("/api/v1/tags/" + created.slug()))
                .body(created);
    }

    @PutMapping("/{slug}")
    @PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
    TagService.TagResponse update(@PathVariable String slug, @Valid @RequestBody TagRequest request) {
        return tags.update(slug, request);
    }

    @DeleteMapping("/{slug}")
    @PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
    ResponseEntity<Void> delete(@PathVariable String slug) {
        tags.delete(slug);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{slug}/merge")
    @PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
    TagService.TagResponse merge(@PathVariable String slug, @Valid @RequestBody MergeRequest request) {
        return tags.merge(slug, request.into());
    }

    record MergeRequest(@NotBlank String into) {}
}
