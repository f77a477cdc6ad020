package io.lectern.identity.account;

import io.lectern.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users/me")
class ProfileController {

    private final Users users;
    private final ProfileChanges changes;

    ProfileController(Users users, ProfileChanges changes) {
        this.users = users;
        this.changes = changes;
    }

    record ProfileResponse(
            UUID id,
            String email,
            boolean emailVerified,
            String displayName,
            @Nullable String avatarUrl,
            @Nullable String bio,
            String timeZone,
            String locale,
            List<String> roles,
            String tier,
            boolean hasPassword,
            boolean googleLinked,
            Instant createdAt) {

        static ProfileResponse of(UserAccount u) {
            return new ProfileResponse(
                    u.id(),
                    u.email(),
                    u.emailVerified(),
                    u.displayName(),
                    u.avatarUrl(),
                    u.bio(),
                    u.timeZone(),
                    u.locale(),
                    u.roles(),
                    u.tier(),
                    u.passwordHash() != null,
                    u.googleSub() != null,
                    u.createdAt());
        }
    }

    @GetMapping
    ProfileResponse me(@AuthenticationPrincipal Jwt jwt) {
        return ProfileResponse.of(current(jwt));
    }

    /** Absent fields stay as they are; an empty avatarUrl or bio clears it. */
    record ProfileUpdate(
            @Nullable @Size(min = 1, max = 60) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String displayName,

            @Nullable @Size(max = 500) String avatarUrl,
            @Nullable @Size(max = 1000) String bio,
            @Nullable @Size(max = 64) String timeZone,
            @Nullable @Size(max = 35) String locale) {}

    @PatchMapping
    @Transactional
    ProfileResponse update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ProfileUpdate r) {
        UserAccount u = users.lockById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> ProblemException.notFound("The account"));
        String avatar =
                r.avatarUrl() == null ? u.avatarUrl() : (r.avatarUrl().isBlank() ? null : avatarUrl(r.avatarUrl()));
        String bio =
                r.bio() == null ? u.bio() : (r.bio().isBlank() ? null : r.bio().strip());
        users.updateProfile(
                u.id(),
                r.displayName() == null ? u.displayName() : r.displayName().strip(),
                avatar,
                bio,
                r.timeZone() == null ? u.timeZone() : AccountController.timeZone("timeZone", r.timeZone()),
                r.locale() == null ? u.locale() : AccountController.locale("locale", r.locale()));
        changes.publish(u.id());
        return ProfileResponse.of(users.findById(u.id()).orElseThrow());
    }

    /** Only absolute https URLs: an avatar is rendered by other people's browsers. */
    private static String avatarUrl(String value) {
        try {
            URI uri = new URI(value.strip());
            if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw AccountController.invalidField("avatarUrl", "must be an absolute https URL");
    }

    private UserAccount current(Jwt jwt) {
        return users.findById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> ProblemException.notFound("The account"));
    }
}
