package io.lectern.billing.plan;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The paid plans on offer (the free tier needs no entry) and whether admins may grant premium by hand.
 * A plan without a Stripe price id can only be granted manually.
 */
@ConfigurationProperties("lectern.billing")
public record PlanProperties(
        @DefaultValue List<Plan> plans, @DefaultValue Manual manual) {

    public record Plan(
            String id,
            String name,
            Interval interval,
            long amountMinor,
            @DefaultValue("usd") String currency,
            @Nullable String stripePriceId) {}

    public enum Interval {
        MONTH,
        YEAR
    }

    public record Manual(@DefaultValue("true") boolean enabled) {}
}
