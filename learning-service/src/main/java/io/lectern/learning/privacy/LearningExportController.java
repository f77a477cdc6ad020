package io.lectern.learning.privacy;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's learning data as JSON (every feature's section). Identity's account export
 * ({@code /api/v1/users/me/export}) covers the account; a client wanting everything fetches both.
 */
@RestController
class LearningExportController {

    private final LearningExport export;

    LearningExportController(LearningExport export) {
        this.export = export;
    }

    @GetMapping("/api/v1/progress/export")
    LearningExport.ExportResponse export(@AuthenticationPrincipal Jwt jwt) {
        return export.export(UUID.fromString(jwt.getSubject()));
    }
}
