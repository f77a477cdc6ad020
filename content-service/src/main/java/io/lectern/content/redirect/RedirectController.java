package io.lectern.content.redirect;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manual redirects, for editors; automatic ones (slug changes) appear here too. */
@RestController
@RequestMapping("/api/v1/admin/redirects")
@PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
class RedirectController {

    private final Redirects redirects;

    RedirectController(Redirects redirects) {
        this.redirects = redirects;
    }

    @GetMapping
    List<Redirects.RedirectResponse> list(@RequestParam @Nullable RedirectKind kind) {
        return redirects.list(Optional.ofNullable(kind));
    }

    @PostMapping
    ResponseEntity<Redirects.RedirectResponse> create(@Valid @RequestBody CreateRedirectRequest request) {
        Redirects.RedirectResponse created = redirects.create(request.kind(), request.fromSlug(), request.toSlug());
        return ResponseEntity.created(Redirects.RedirectResponse.uri(created.id()))
                .body(created);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        redirects.delete(id);
        return ResponseEntity.noContent().build();
    }

    record CreateRedirectRequest(
            @NotNull RedirectKind kind,
            @NotBlank String fromSlug,
            @NotBlank String toSlug) {}
}
