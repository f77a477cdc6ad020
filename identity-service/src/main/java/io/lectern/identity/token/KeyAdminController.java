package io.lectern.identity.token;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class KeyAdminController {

    private final SigningKeys keys;

    KeyAdminController(SigningKeys keys) {
        this.keys = keys;
    }

    record RotatedResponse(String signingKeyId) {}

    /** Rotates now (e.g. after a suspected leak); the old key stays published until its tokens expire. */
    @PostMapping("/api/v1/admin/keys/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    RotatedResponse rotate() {
        return new RotatedResponse(keys.rotate());
    }
}
