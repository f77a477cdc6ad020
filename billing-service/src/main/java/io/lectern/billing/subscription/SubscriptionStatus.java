package io.lectern.billing.subscription;

import java.util.Set;

/**
 * Which provider statuses give premium access and which are final. Stripe's own statuses are used as
 * they are; a manual grant is {@code active} until it is {@code expired} or revoked ({@code canceled}).
 * {@code past_due} keeps access while Stripe retries the payment; {@code unpaid} and {@code paused} do not.
 */
public final class SubscriptionStatus {

    public static final String ACTIVE = "active";
    public static final String CANCELED = "canceled";
    public static final String EXPIRED = "expired";

    private static final Set<String> ENTITLED = Set.of("active", "trialing", "past_due");
    private static final Set<String> FINAL = Set.of(CANCELED, "incomplete_expired", EXPIRED);

    private SubscriptionStatus() {}

    public static boolean entitled(String status) {
        return ENTITLED.contains(status);
    }

    public static boolean isFinal(String status) {
        return FINAL.contains(status);
    }
}
