package io.lectern.learning.badge;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Badges and milestones: earned, progress towards the rest, and the title. */
@RestController
@RequestMapping("/api/v1/gamification")
class BadgeController {

    private final BadgeShelf shelf;

    BadgeController(BadgeShelf shelf) {
        this.shelf = shelf;
    }

    @GetMapping("/badges")
    BadgeShelf.ShelfResponse badges(@AuthenticationPrincipal Jwt jwt) {
        return shelf.shelf(UUID.fromString(jwt.getSubject()));
    }

    /** Picks an earned badge as title (409 when not earned, 404 when unknown). */
    @PutMapping("/title")
    TitleResponse title(@AuthenticationPrincipal Jwt jwt, @RequestBody TitleRequest request) {
        return new TitleResponse(shelf.pickTitle(UUID.fromString(jwt.getSubject()), request.badgeId()));
    }
}
