package io.lectern.billing.admin;

import io.lectern.billing.manual.ManualGrants;
import io.lectern.billing.plan.Plans;
import io.lectern.billing.subscription.SubscriptionView;
import io.lectern.billing.subscription.Subscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin views (subscribers, state counts, monthly recurring revenue) and manual grants. */
@RestController
@RequestMapping("/api/v1/billing/admin")
@PreAuthorize("hasRole('ADMIN')")
@Validated
@ApiResponse(
        responseCode = "403",
        description = "Not an admin",
        content =
                @Content(
                        mediaType = "application/problem+json",
                        schema = @Schema(implementation = ProblemDetail.class)))
class AdminController {

    private final Subscriptions subscriptions;
    private final ManualGrants grants;
    private final Plans plans;

    AdminController(Subscriptions subscriptions, ManualGrants grants, Plans plans) {
        this.subscriptions = subscriptions;
        this.grants = grants;
        this.plans = plans;
    }

    record SubscriberResponse(
            String subscriptionId,
            UUID userId,
            String provider,
            String plan,
            String status,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            @Nullable Instant endedAt,
            @Nullable String note,
            @Nullable UUID grantedBy,
            Instant createdAt) {

        static SubscriberResponse of(SubscriptionView v) {
            return new SubscriberResponse(
                    v.id(),
                    v.userId(),
                    v.provider().key(),
                    v.plan(),
                    v.status(),
                    v.currentPeriodEnd(),
                    v.cancelAtPeriodEnd(),
                    v.endedAt(),
                    v.note(),
                    v.grantedBy(),
                    v.createdAt());
        }
    }

    @Operation(summary = "Subscriptions, newest first, optionally of one status")
    @GetMapping("/subscribers")
    List<SubscriberResponse> subscribers(
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[a-z_]{1,32}") String status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return subscriptions.page(status, limit, offset).stream()
                .map(SubscriberResponse::of)
                .toList();
    }

    record Revenue(long amountMinor, String currency) {}

    record StatsResponse(Map<String, Map<String, Long>> states, Revenue monthlyRecurringRevenue) {}

    @Operation(
            summary = "Subscriptions per provider and state, and monthly recurring revenue",
            description = "MRR counts paying Stripe subscriptions (active, past_due) at their plan's configured price;"
                    + " yearly plans count a twelfth. Manual grants bring in nothing.")
    @ApiResponse(responseCode = "200", description = "Counts per provider and state, and the MRR")
    @GetMapping("/stats")
    StatsResponse stats() {
        long mrr = 0;
        for (Map.Entry<String, Long> e :
                subscriptions.payingStripeSubscriptionsByPlan().entrySet()) {
            mrr += plans.monthlyAmountMinor(e.getKey()) * e.getValue();
        }
        String currency = plans.all().isEmpty() ? "usd" : plans.all().getFirst().currency();
        return new StatsResponse(subscriptions.countsByProviderAndStatus(), new Revenue(mrr, currency));
    }

    record GrantRequest(
            @NotNull UUID userId,
            @NotNull Instant expiresAt,
            @NotBlank @Size(max = 500) String note) {}

    @Operation(summary = "Grant premium by hand until an expiry (extends an active grant)")
    @ApiResponse(
            responseCode = "400",
            description = "Missing user, expiry in the past, or missing note",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Manual grants are switched off",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/grants")
    @ResponseStatus(HttpStatus.CREATED)
    SubscriberResponse grant(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody GrantRequest request) {
        return SubscriberResponse.of(grants.grant(
                request.userId(), request.expiresAt(), request.note().strip(), UUID.fromString(jwt.getSubject())));
    }

    record RevokeRequest(@NotBlank @Size(max = 500) String note) {}

    @Operation(summary = "Revoke a manual grant now")
    @ApiResponse(
            responseCode = "404",
            description = "No such manual grant",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The grant has already ended",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/grants/{id}/revoke")
    SubscriberResponse revoke(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable @Pattern(regexp = "man_[0-9a-f-]{36}") String id,
            @Valid @RequestBody RevokeRequest request) {
        return SubscriberResponse.of(grants.revoke(id, request.note().strip(), UUID.fromString(jwt.getSubject())));
    }
}
