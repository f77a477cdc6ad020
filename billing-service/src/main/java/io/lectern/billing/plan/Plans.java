package io.lectern.billing.plan;

import io.lectern.billing.plan.PlanProperties.Interval;
import io.lectern.billing.plan.PlanProperties.Plan;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured paid plans, looked up by our id or by Stripe's price id. */
@Component
public class Plans {

    public static final String PREMIUM = "premium";
    public static final String FREE = "free";
    /** The plan name of a manual grant. */
    public static final String MANUAL = "manual";

    private final PlanProperties props;

    Plans(PlanProperties props) {
        this.props = props;
        for (Plan p : props.plans()) {
            if (p.id() == null || p.id().isBlank() || p.interval() == null || p.amountMinor() < 0) {
                throw new IllegalStateException(
                        "lectern.billing.plans: every plan needs an id, an interval and an amount");
            }
        }
    }

    public List<Plan> all() {
        return props.plans();
    }

    public Optional<Plan> find(String id) {
        return props.plans().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<Plan> byStripePrice(String priceId) {
        return props.plans().stream()
                .filter(p -> priceId.equals(p.stripePriceId()))
                .findFirst();
    }

    public boolean manualEnabled() {
        return props.manual().enabled();
    }

    /** What the plan brings in per month, in minor units (a yearly price spread over twelve months). */
    public long monthlyAmountMinor(String planId) {
        return find(planId)
                .map(p -> p.interval() == Interval.YEAR ? Math.round(p.amountMinor() / 12.0) : p.amountMinor())
                .orElse(0L);
    }
}
