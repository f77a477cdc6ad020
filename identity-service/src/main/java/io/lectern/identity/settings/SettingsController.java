package io.lectern.identity.settings;

import io.lectern.identity.account.ProfileChanges;
import io.lectern.identity.account.Users;
import io.lectern.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/settings")
class SettingsController {

    private final SettingsStore store;
    private final Users users;
    private final ProfileChanges profileChanges;

    SettingsController(SettingsStore store, Users users, ProfileChanges profileChanges) {
        this.store = store;
        this.users = users;
        this.profileChanges = profileChanges;
    }

    record SettingsBody(
            @NotNull Boolean digestOptIn,
            @NotNull @Pattern(regexp = "daily|weekly") String digestFrequency,
            @NotNull Boolean newsletterOptIn,
            @NotNull Boolean notificationEmails,
            @NotNull Boolean commentReplyEmails,
            @NotNull @Pattern(regexp = "light|dark|system") String theme,
            @NotNull @Min(12) @Max(24) Integer readingFontSize,
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,32}") String codeTheme,
            @NotNull Boolean showReadingProgress) {

        static SettingsBody of(Settings s) {
            return new SettingsBody(
                    s.digestOptIn(),
                    s.digestFrequency(),
                    s.newsletterOptIn(),
                    s.notificationEmails(),
                    s.commentReplyEmails(),
                    s.theme(),
                    s.readingFontSize(),
                    s.codeTheme(),
                    s.showReadingProgress());
        }

        Settings toSettings() {
            return new Settings(
                    digestOptIn,
                    digestFrequency,
                    newsletterOptIn,
                    notificationEmails,
                    commentReplyEmails,
                    theme,
                    readingFontSize,
                    codeTheme,
                    showReadingProgress);
        }
    }

    @GetMapping
    SettingsBody get(@AuthenticationPrincipal Jwt jwt) {
        return SettingsBody.of(store.find(userId(jwt)));
    }

    /** Replaces all settings; emits UserProfileChanged only when a preference other services copy changed. */
    @PutMapping
    @Transactional
    SettingsBody put(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SettingsBody body) {
        UUID userId = userId(jwt);
        users.lockById(userId).orElseThrow(() -> ProblemException.notFound("The account"));
        Settings before = store.find(userId);
        Settings after = body.toSettings();
        store.save(userId, after);
        if (!before.sameForOthers(after)) {
            users.bumpVersion(userId);
            profileChanges.publish(userId);
        }
        return SettingsBody.of(after);
    }

    private static UUID userId(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
