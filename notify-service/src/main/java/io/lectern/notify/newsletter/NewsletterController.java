package io.lectern.notify.newsletter;

import io.lectern.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/newsletter")
class NewsletterController {

    private static final int MAX_PAGE = 100;

    private final Newsletter newsletter;
    private final NewsletterIssues issues;

    NewsletterController(Newsletter newsletter, NewsletterIssues issues) {
        this.newsletter = newsletter;
        this.issues = issues;
    }

    /** Always 202 with the same body: whether the address is known is nobody's business. */
    @PostMapping("/subscribe")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SubscribeResponse subscribe(@Valid @RequestBody SubscribeRequest request, @Nullable Authentication auth) {
        UUID userId = null;
        if (auth instanceof JwtAuthenticationToken jwt) {
            try {
                userId = UUID.fromString(jwt.getToken().getSubject());
            } catch (IllegalArgumentException e) {
                userId = null;
            }
        }
        newsletter.subscribe(request.email(), userId);
        return new SubscribeResponse("If the address can receive mail, a confirmation link is on its way.");
    }

    @RequestMapping(
            path = "/confirm",
            method = {RequestMethod.GET, RequestMethod.POST})
    SubscriptionStateResponse confirm(@RequestParam(required = false) @Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw ProblemException.badRequest("The confirmation link is invalid, used or expired; subscribe again.");
        }
        newsletter.confirm(token);
        return new SubscriptionStateResponse("confirmed");
    }

    /**
     * One-click unsubscribe (RFC 8058): mail clients POST {@code List-Unsubscribe=One-Click} to the
     * URL in the List-Unsubscribe header; the signed query alone authorises it.
     */
    @RequestMapping(
            path = "/unsubscribe",
            method = {RequestMethod.GET, RequestMethod.POST})
    SubscriptionStateResponse unsubscribe(
            @RequestParam(name = "s", required = false) @Nullable String subscriber,
            @RequestParam(name = "sig", required = false) @Nullable String signature) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(subscriber));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The unsubscribe link is invalid.");
        }
        if (signature == null || signature.isBlank() || signature.length() > 100) {
            throw ProblemException.badRequest("The unsubscribe link is invalid.");
        }
        newsletter.unsubscribe(id, signature);
        return new SubscriptionStateResponse("unsubscribed");
    }

    @PostMapping("/issues")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    IssueStatusResponse createIssue(@Valid @RequestBody CreateIssueRequest request, @AuthenticationPrincipal Jwt jwt) {
        return issues.create(request, UUID.fromString(jwt.getSubject()));
    }

    /**
     * Past issues, newest first, {@code limit} (1..100) at a time. Staff who write (authors, editors,
     * admins) may see them: the list names no subscriber, unlike an issue's own status.
     */
    @GetMapping("/issues")
    @PreAuthorize("hasAnyRole('AUTHOR','EDITOR','ADMIN')")
    IssuePage listIssues(
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_PAGE + ".")
                    .with("field", "limit");
        }
        return issues.list(cursor == null || cursor.isEmpty() ? null : IssueCursor.decode(cursor), limit);
    }

    @GetMapping("/issues/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    IssueStatusResponse issue(@PathVariable UUID id) {
        return issues.status(id);
    }

    record SubscribeRequest(
            @NotBlank @Email @Size(max = 254) String email) {}

    record SubscribeResponse(String message) {}

    record SubscriptionStateResponse(String status) {}
}
