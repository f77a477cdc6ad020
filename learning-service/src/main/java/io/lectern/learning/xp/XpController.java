package io.lectern.learning.xp;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's XP total, level and the next level's threshold. */
@RestController
class XpController {

    private final XpLedger ledger;

    XpController(XpLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/gamification/xp")
    XpStanding standing(@AuthenticationPrincipal Jwt jwt) {
        return ledger.standing(UUID.fromString(jwt.getSubject()));
    }
}
