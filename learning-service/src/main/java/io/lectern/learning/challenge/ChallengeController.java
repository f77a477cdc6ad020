package io.lectern.learning.challenge;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** The daily challenge for readers, and the pool for admins and editors. */
@RestController
@RequestMapping("/api/v1/challenges")
class ChallengeController {

    private final DailyChallenges daily;
    private final ChallengePool pool;

    ChallengeController(DailyChallenges daily, ChallengePool pool) {
        this.daily = daily;
        this.pool = pool;
    }

    @GetMapping("/today")
    ChallengeApi.ChallengeView today(@AuthenticationPrincipal Jwt jwt) {
        return daily.view(user(jwt), daily.today());
    }

    @GetMapping("/days/{day}")
    ChallengeApi.ChallengeView day(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return daily.view(user(jwt), day);
    }

    @PostMapping("/days/{day}/submissions")
    ChallengeApi.SubmissionResponse submit(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @RequestBody ChallengeApi.SubmissionRequest request) {
        return daily.submit(user(jwt), day, request);
    }

    @GetMapping("/leaderboard")
    ChallengeApi.Leaderboard leaderboard(
            @RequestParam(defaultValue = "daily") String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day) {
        return daily.leaderboard(period, day);
    }

    @GetMapping("/pool")
    @PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
    ChallengeApi.PoolList list() {
        return new ChallengeApi.PoolList(pool.list());
    }

    @PostMapping("/pool")
    @PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    ChallengeApi.PoolEntry create(
            @AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ChallengeApi.ChallengeRequest r) {
        return pool.create(r, user(jwt));
    }

    @PutMapping("/pool/{id}")
    @PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
    ChallengeApi.PoolEntry edit(@PathVariable UUID id, @Valid @RequestBody ChallengeApi.ChallengeRequest r) {
        return pool.edit(id, r);
    }

    @PostMapping("/pool/{id}/schedule")
    @PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
    ChallengeApi.PoolEntry schedule(@PathVariable UUID id, @Valid @RequestBody ChallengeApi.ScheduleRequest r) {
        return pool.schedule(id, r.day());
    }

    @DeleteMapping("/pool/{id}")
    @PreAuthorize("hasAnyRole('EDITOR','ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retire(@PathVariable UUID id) {
        pool.retire(id);
    }

    private static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
