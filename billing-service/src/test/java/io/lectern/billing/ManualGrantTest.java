package io.lectern.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lectern.billing.sync.SubscriptionSync;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Admins grant and revoke premium by hand; grants expire by the database clock; admin views. */
class ManualGrantTest extends BillingTestSupport {

    @Autowired
    SubscriptionSync sync;

    private final UUID admin = UUID.randomUUID();

    private Response grant(UUID user, Instant expiresAt, String note) {
        return send(
                "POST",
                "/api/v1/billing/admin/grants",
                "{\"userId\":\"" + user + "\",\"expiresAt\":\"" + expiresAt + "\",\"note\":\"" + note + "\"}",
                "Authorization",
                bearer(admin, "admin"));
    }

    private String tier(UUID user) {
        return send("GET", "/api/v1/billing/subscription", null, "Authorization", bearer(user))
                .json()
                .get("tier")
                .asString();
    }

    @Test
    void aManualGrantGivesPremiumUntilItExpiresAndThenTheTierDrops() {
        UUID user = UUID.randomUUID();
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Response granted = grant(user, expiry, "conference speaker");

        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        String id = granted.json().get("subscriptionId").asString();
        assertThat(granted.json().get("provider").asString()).isEqualTo("manual");
        assertThat(granted.json().get("note").asString()).isEqualTo("conference speaker");
        assertThat(granted.json().get("grantedBy").asString()).isEqualTo(admin.toString());
        assertThat(tier(user)).isEqualTo("premium");
        assertThat(eventTypes(user)).containsExactly("billing.subscription-activated.v1");
        assertThat(events(user).getFirst().getValue().get("currentPeriodEnd").asString())
                .isEqualTo(expiry.toString());

        // the job runs before the expiry: nothing happens
        sync.run();
        assertThat(tier(user)).isEqualTo("premium");

        // time passes (moved on the row: expiry is decided by the database clock)
        jdbc.sql("UPDATE subscriptions SET current_period_end = now() - interval '1 minute' WHERE id = :id")
                .param("id", id)
                .update();
        SubscriptionSync.Report report = sync.run();

        assertThat(report.grantsExpired()).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo("expired");
        assertThat(tier(user)).isEqualTo("free");
        assertThat(eventTypes(user))
                .containsExactly("billing.subscription-activated.v1", "billing.subscription-cancelled.v1");
    }

    @Test
    void anAdminRevokesAGrantAndTheSameEventsFlow() {
        UUID user = UUID.randomUUID();
        String id = grant(user, Instant.now().plus(10, ChronoUnit.DAYS), "beta tester")
                .json()
                .get("subscriptionId")
                .asString();

        Response revoked = send(
                "POST",
                "/api/v1/billing/admin/grants/" + id + "/revoke",
                "{\"note\":\"beta over\"}",
                "Authorization",
                bearer(admin, "admin"));

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("canceled");
        assertThat(tier(user)).isEqualTo("free");
        assertThat(eventTypes(user))
                .containsExactly("billing.subscription-activated.v1", "billing.subscription-cancelled.v1");
        Response twice = send(
                "POST",
                "/api/v1/billing/admin/grants/" + id + "/revoke",
                "{\"note\":\"again\"}",
                "Authorization",
                bearer(admin, "admin"));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void grantsNeedAnAdminAFutureExpiryAndANote() {
        UUID user = UUID.randomUUID();
        Response notAdmin = send(
                "POST",
                "/api/v1/billing/admin/grants",
                "{\"userId\":\"" + user + "\",\"expiresAt\":\"" + Instant.now().plus(1, ChronoUnit.DAYS)
                        + "\",\"note\":\"x\"}",
                "Authorization",
                bearer(UUID.randomUUID()));
        Response past = grant(user, Instant.now().minus(1, ChronoUnit.DAYS), "late");
        Response noNote = grant(user, Instant.now().plus(1, ChronoUnit.DAYS), " ");

        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("field").asString()).isEqualTo("expiresAt");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("\"field\":\"note\"");
        assertThat(eventTypes(user)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM subscriptions WHERE user_id = :u")
                        .param("u", user)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void adminViewsListSubscribersCountStatesAndComputeMonthlyRecurringRevenue() {
        UUID monthly = UUID.randomUUID();
        UUID yearly = UUID.randomUUID();
        Response before = send("GET", "/api/v1/billing/admin/stats", null, "Authorization", bearer(admin, "admin"));
        long mrrBefore =
                before.json().get("monthlyRecurringRevenue").get("amountMinor").asLong();
        for (UUID u : new UUID[] {monthly, yearly}) {
            String customer = customerAfterCheckout(u);
            String sub = id("sub");
            String json = StripeStandIn.subscriptionJson(
                    sub,
                    customer,
                    u,
                    "active",
                    u == monthly ? StripeStandIn.MONTHLY_PRICE : StripeStandIn.YEARLY_PRICE,
                    Instant.now().plus(20, ChronoUnit.DAYS),
                    false);
            stripe.subscription(json);
            deliver(event(id("evt"), "customer.subscription.created", json));
        }
        grant(UUID.randomUUID(), Instant.now().plus(5, ChronoUnit.DAYS), "free of charge");

        Response stats = send("GET", "/api/v1/billing/admin/stats", null, "Authorization", bearer(admin, "admin"));
        Response list = send(
                "GET",
                "/api/v1/billing/admin/subscribers?status=active&limit=200",
                null,
                "Authorization",
                bearer(admin, "admin"));
        Response forbidden = send("GET", "/api/v1/billing/admin/stats", null, "Authorization", bearer(monthly));

        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        // 900 a month + 9000 a year (750 a month); the manual grant brings in nothing
        assertThat(stats.json()
                                .get("monthlyRecurringRevenue")
                                .get("amountMinor")
                                .asLong()
                        - mrrBefore)
                .isEqualTo(900 + 750);
        assertThat(stats.json().get("states").get("stripe").get("active").asLong())
                .isGreaterThanOrEqualTo(2);
        assertThat(stats.json().get("states").get("manual").get("active").asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(list.body()).contains(monthly.toString()).contains(yearly.toString());
        assertThat(forbidden.status()).isEqualTo(403);
    }
}
