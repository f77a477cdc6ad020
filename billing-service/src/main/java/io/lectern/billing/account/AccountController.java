package io.lectern.billing.account;

import io.lectern.billing.plan.PlanProperties.Plan;
import io.lectern.billing.plan.Plans;
import io.lectern.billing.stripe.Checkout;
import io.lectern.billing.stripe.SelfService;
import io.lectern.billing.stripe.StripeGateway;
import io.lectern.billing.subscription.SubscriptionView;
import io.lectern.billing.subscription.Subscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public plan list and a signed-in user's own subscription: status, portal, cancel/resume, invoices. */
@RestController
@RequestMapping("/api/v1/billing")
class AccountController {

    private final Plans plans;
    private final StripeGateway stripe;
    private final Subscriptions subscriptions;
    private final Checkout checkout;
    private final SelfService selfService;

    AccountController(
            Plans plans,
            StripeGateway stripe,
            Subscriptions subscriptions,
            Checkout checkout,
            SelfService selfService) {
        this.plans = plans;
        this.stripe = stripe;
        this.subscriptions = subscriptions;
        this.checkout = checkout;
        this.selfService = selfService;
    }

    record Providers(boolean stripe, boolean manual) {}

    record PlanResponse(
            String id,
            String name,
            String tier,
            @Nullable String interval,
            long amountMinor,
            String currency,
            boolean purchasable) {}

    record PlansResponse(Providers providers, List<PlanResponse> plans) {}

    @Operation(summary = "Plans on offer and which payment providers are active (public)")
    @GetMapping("/plans")
    ResponseEntity<PlansResponse> plans() {
        List<PlanResponse> list = new java.util.ArrayList<>();
        list.add(new PlanResponse(Plans.FREE, "Free", Plans.FREE, null, 0, "usd", false));
        for (Plan p : plans.all()) {
            boolean purchasable = stripe.active()
                    && p.stripePriceId() != null
                    && !p.stripePriceId().isBlank();
            list.add(new PlanResponse(
                    p.id(),
                    p.name(),
                    Plans.PREMIUM,
                    p.interval().name().toLowerCase(Locale.ROOT),
                    p.amountMinor(),
                    p.currency(),
                    purchasable));
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(new PlansResponse(new Providers(stripe.active(), plans.manualEnabled()), list));
    }

    record SubscriptionResponse(
            String id,
            String provider,
            String plan,
            String status,
            @Nullable Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd,
            @Nullable Instant endedAt) {

        static SubscriptionResponse of(SubscriptionView v) {
            return new SubscriptionResponse(
                    v.id(),
                    v.provider().key(),
                    v.plan(),
                    v.status(),
                    v.currentPeriodEnd(),
                    v.cancelAtPeriodEnd(),
                    v.endedAt());
        }
    }

    record StatusResponse(
            String tier, @Nullable SubscriptionResponse subscription, List<SubscriptionResponse> history) {}

    @Operation(summary = "The user's tier, current subscription (if any) and earlier ones")
    @GetMapping("/subscription")
    StatusResponse status(@AuthenticationPrincipal Jwt jwt) {
        List<SubscriptionView> all = subscriptions.ofUser(user(jwt));
        SubscriptionView current =
                all.stream().filter(SubscriptionView::entitled).findFirst().orElse(null);
        return new StatusResponse(
                current != null ? Plans.PREMIUM : Plans.FREE,
                current == null ? null : SubscriptionResponse.of(current),
                all.stream().map(SubscriptionResponse::of).toList());
    }

    record PortalResponse(String url) {}

    @Operation(summary = "A Stripe Customer Portal session (payment method, plan change, cancel)")
    @ApiResponse(responseCode = "200", description = "The portal session's URL to send the user to")
    @ApiResponse(
            responseCode = "409",
            description = "Stripe is not configured, or the user never paid through Stripe",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Stripe is slow or down",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/portal")
    PortalResponse portal(@AuthenticationPrincipal Jwt jwt) {
        return new PortalResponse(checkout.portal(user(jwt)));
    }

    @Operation(summary = "Cancel the Stripe subscription at the end of the paid period")
    @ApiResponse(responseCode = "200", description = "The subscription, now ending at the period's end")
    @ApiResponse(
            responseCode = "409",
            description = "No active Stripe subscription",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Stripe is slow or down; nothing changed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/subscription/cancel")
    SubscriptionResponse cancel(@AuthenticationPrincipal Jwt jwt) {
        return SubscriptionResponse.of(selfService.setCancelAtPeriodEnd(user(jwt), true));
    }

    @Operation(summary = "Take back a cancellation at period end")
    @ApiResponse(responseCode = "200", description = "The subscription, renewing again")
    @ApiResponse(
            responseCode = "409",
            description = "No active Stripe subscription",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Stripe is slow or down; nothing changed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/subscription/resume")
    SubscriptionResponse resume(@AuthenticationPrincipal Jwt jwt) {
        return SubscriptionResponse.of(selfService.setCancelAtPeriodEnd(user(jwt), false));
    }

    @Operation(summary = "Payment history: the user's Stripe invoices with amounts and hosted links")
    @ApiResponse(responseCode = "200", description = "The invoices, newest first")
    @ApiResponse(
            responseCode = "503",
            description = "Stripe is slow or down",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/invoices")
    List<SelfService.InvoiceLine> invoices(@AuthenticationPrincipal Jwt jwt) {
        return selfService.invoices(user(jwt));
    }

    private static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
