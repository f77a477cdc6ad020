package io.lectern.billing.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe settings. The API key and the webhook signing secret come only from the environment
 * (STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET) and have no default: without both, the Stripe provider is
 * off and only manual grants work. {@code siteUrl} is the public site the checkout and portal return to.
 */
@ConfigurationProperties("lectern.billing.stripe")
public record StripeProperties(
        @DefaultValue("") String apiKey,
        @DefaultValue("") String webhookSecret,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("http://localhost:8080") String siteUrl,
        @DefaultValue("") String portalConfiguration,
        @DefaultValue("300s") Duration webhookTolerance,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("2500ms") Duration readTimeout,
        @DefaultValue("0") int maxNetworkRetries) {

    public boolean configured() {
        return !apiKey.isBlank() && !webhookSecret.isBlank();
    }
}
