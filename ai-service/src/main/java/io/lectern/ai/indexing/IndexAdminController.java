package io.lectern.ai.indexing;

import io.lectern.ai.access.Reader;
import io.lectern.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The index's model and re-indexing (admins). */
@RestController
class IndexAdminController {

    private final Reindexer reindexer;

    IndexAdminController(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @Operation(summary = "The model the index serves, its dimension, and any re-index in progress")
    @GetMapping("/api/v1/ai/admin/index")
    Reindexer.Status status() {
        requireAdmin();
        return reindexer.status();
    }

    @Operation(summary = "Re-index every post in the background (force=true embeds every chunk again)")
    @PostMapping("/api/v1/ai/admin/reindex")
    ResponseEntity<Reindexer.Status> reindex(@RequestParam(defaultValue = "false") boolean force) {
        requireAdmin();
        if (!reindexer.start(force)) {
            throw ProblemException.conflict("A re-index is already running.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(reindexer.status());
    }

    private static void requireAdmin() {
        if (!Reader.required().authorities().contains("ROLE_ADMIN")) {
            throw ProblemException.forbidden("Re-indexing is for admins.");
        }
    }
}
