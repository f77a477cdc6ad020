package io.lectern.identity.admin;

import io.lectern.contracts.events.identity.UserRoleChanged;
import io.lectern.contracts.events.identity.UserSuspended;
import io.lectern.eventbus.EventPublisher;
import io.lectern.identity.account.UserAccount;
import io.lectern.identity.account.Users;
import io.lectern.identity.token.RefreshTokens;
import io.lectern.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** User management for admins. Changes other services copy are emitted as events. */
@RestController
@RequestMapping("/api/v1/admin/users")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class AdminUsersController {

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final EventPublisher events;

    AdminUsersController(Users users, RefreshTokens refreshTokens, EventPublisher events) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.events = events;
    }

    record AdminUserResponse(
            UUID id,
            String email,
            boolean emailVerified,
            String displayName,
            List<String> roles,
            String tier,
            boolean suspended,
            Instant createdAt) {
        static AdminUserResponse of(UserAccount u) {
            return new AdminUserResponse(
                    u.id(),
                    u.email(),
                    u.emailVerified(),
                    u.displayName(),
                    u.roles(),
                    u.tier(),
                    u.suspended(),
                    u.createdAt());
        }
    }

    record UserPage(List<AdminUserResponse> items, int page, int size, long total) {}

    @GetMapping
    UserPage search(
            @RequestParam(defaultValue = "") @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String query = q.strip();
        return new UserPage(
                users.search(query, page, size).stream()
                        .map(AdminUserResponse::of)
                        .toList(),
                page,
                size,
                users.count(query));
    }

    record RolesRequest(
            @NotEmpty @Size(max = 4) List<@NotNull @Pattern(regexp = "reader|author|editor|admin") String> roles) {}

    @PutMapping("/{id}/roles")
    @Transactional
    AdminUserResponse setRoles(
            @PathVariable UUID id, @Valid @RequestBody RolesRequest r, @AuthenticationPrincipal Jwt jwt) {
        UUID adminId = UUID.fromString(jwt.getSubject());
        users.lockById(id).orElseThrow(() -> ProblemException.notFound("The user"));
        List<String> roles = r.roles().stream().distinct().sorted().toList();
        if (id.equals(adminId) && !roles.contains("admin")) {
            throw ProblemException.conflict("Admins cannot remove their own admin role.");
        }
        long version = users.setRoles(id, roles);
        events.publish(id.toString(), new UserRoleChanged(id, roles, adminId, version));
        return AdminUserResponse.of(users.findById(id).orElseThrow());
    }

    @PostMapping("/{id}/suspend")
    @Transactional
    AdminUserResponse suspend(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return setSuspended(id, true, UUID.fromString(jwt.getSubject()));
    }

    @PostMapping("/{id}/unsuspend")
    @Transactional
    AdminUserResponse unsuspend(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return setSuspended(id, false, UUID.fromString(jwt.getSubject()));
    }

    /** Suspension ends every session at once; access tokens already out expire within minutes. */
    private AdminUserResponse setSuspended(UUID id, boolean suspended, UUID adminId) {
        UserAccount u = users.lockById(id).orElseThrow(() -> ProblemException.notFound("The user"));
        if (id.equals(adminId)) {
            throw ProblemException.conflict("Admins cannot suspend themselves.");
        }
        if (u.suspended() != suspended) {
            long version = users.setSuspended(id, suspended);
            if (suspended) {
                refreshTokens.revokeAll(id);
            }
            events.publish(id.toString(), new UserSuspended(id, suspended, adminId, version));
        }
        return AdminUserResponse.of(users.findById(id).orElseThrow());
    }
}
