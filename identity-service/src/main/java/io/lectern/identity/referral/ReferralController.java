package io.lectern.identity.referral;

import io.lectern.identity.account.UserAccount;
import io.lectern.identity.account.Users;
import io.lectern.platform.web.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/referrals")
@Validated
class ReferralController {

    private final Referrals referrals;
    private final Users users;

    ReferralController(Referrals referrals, Users users) {
        this.referrals = referrals;
        this.users = users;
    }

    record MyReferralsResponse(String code, long signups, long conversions) {}

    @GetMapping("/me")
    MyReferralsResponse mine(@AuthenticationPrincipal Jwt jwt) {
        UserAccount user = users.findById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> ProblemException.notFound("The account"));
        Referrals.Counts counts = referrals.countsFor(user.id());
        return new MyReferralsResponse(user.referralCode(), counts.signups(), counts.conversions());
    }

    record LeaderboardEntry(int rank, String displayName, long conversions) {}

    /** Public: display names and counts only, never an address or id. */
    @GetMapping("/leaderboard")
    ResponseEntity<List<LeaderboardEntry>> leaderboard(@RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit) {
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (Referrals.LeaderboardRow row : referrals.leaderboard(limit)) {
            entries.add(new LeaderboardEntry(entries.size() + 1, row.displayName(), row.conversions()));
        }
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
                .body(entries);
    }
}
