package io.lectern.billing.stripe;

import io.lectern.platform.web.RequestIdFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Buying premium through Stripe, and Stripe's webhook deliveries. */
@RestController
@RequestMapping("/api/v1/billing")
class StripeController {

    private final Checkout checkout;
    private final StripeWebhooks webhooks;

    StripeController(Checkout checkout, StripeWebhooks webhooks) {
        this.checkout = checkout;
        this.webhooks = webhooks;
    }

    record CheckoutRequest(@NotBlank @Size(max = 64) String plan) {}

    record CheckoutResponse(
            Checkout.Kind kind, String url, @Nullable String sessionId) {}

    @Operation(
            summary = "Start buying a plan",
            description = "Answers with the Stripe Checkout URL to send the user to, or the Customer Portal URL"
                    + " (kind PORTAL) when the user already pays through Stripe. Repeating the request with the"
                    + " same X-Request-Id returns the same Checkout Session.")
    @ApiResponse(responseCode = "200", description = "Where to send the user")
    @ApiResponse(
            responseCode = "400",
            description = "Unknown or unpurchasable plan",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Stripe is not configured, or the user has premium another way",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Stripe is slow or down; nothing was created",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/checkout")
    CheckoutResponse checkout(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody CheckoutRequest request) {
        String requestId = RequestIdFilter.current();
        Checkout.Started started = checkout.start(
                UUID.fromString(jwt.getSubject()),
                request.plan(),
                requestId != null ? requestId : UUID.randomUUID().toString());
        return new CheckoutResponse(started.kind(), started.url(), started.sessionId());
    }

    record WebhookResponse(boolean received, StripeWebhooks.Result result) {}

    @Operation(
            summary = "Stripe webhook endpoint",
            description = "Public; authenticated by the Stripe-Signature header over the raw body.")
    @ApiResponse(responseCode = "200", description = "Applied, a duplicate, or an event type we ignore")
    @ApiResponse(
            responseCode = "400",
            description = "Bad or missing signature, stale timestamp, or not an event",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "503",
            description = "Stripe could not be asked for the current state; Stripe will retry",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping(path = "/webhook", consumes = "*/*")
    WebhookResponse webhook(
            @RequestBody byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return new WebhookResponse(true, webhooks.receive(new String(body, StandardCharsets.UTF_8), signature));
    }
}
