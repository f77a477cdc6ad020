package io.lectern.billing.subscription;

import io.lectern.billing.plan.Plans;
import io.lectern.contracts.events.billing.SubscriptionActivated;
import io.lectern.contracts.events.billing.SubscriptionCancelled;
import io.lectern.contracts.events.billing.SubscriptionChanged;
import io.lectern.eventbus.EventPublisher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriptions store and the one place a subscription's state changes. {@link #apply} takes a
 * provider's snapshot, keeps it unless a newer one was stored already, and publishes the billing event
 * the change means for the user's tier, all in the caller's transaction.
 */
@Component
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    private static final String COLUMNS = "id, user_id, provider, plan, status, current_period_end,"
            + " cancel_at_period_end, ended_at, note, granted_by, created_at";

    private final JdbcClient jdbc;
    private final EventPublisher events;

    Subscriptions(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** What {@link #apply} did. */
    public enum Outcome {
        CREATED,
        CHANGED,
        UNCHANGED,
        STALE
    }

    /**
     * Stores {@code s} as read from its provider at {@code observedAt}. A snapshot read before the one
     * already stored changes nothing, so the final state never depends on the order events arrive in.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome apply(SubscriptionSnapshot s, Instant observedAt) {
        // One user's subscriptions change one at a time: the tier is decided over all of them.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:k))")
                .param("k", "billing-user:" + s.userId())
                .query()
                .singleRow();
        Optional<Stored> before = jdbc.sql(
                        "SELECT " + COLUMNS + ", observed_at FROM subscriptions WHERE id = :id FOR UPDATE")
                .param("id", s.id())
                .query((rs, n) ->
                        new Stored(view(rs), rs.getTimestamp("observed_at").toInstant()))
                .optional();
        if (before.isPresent() && before.get().observedAt().isAfter(observedAt)) {
            return Outcome.STALE;
        }
        if (before.isPresent() && !before.get().view().userId().equals(s.userId())) {
            throw new IllegalStateException("subscription " + s.id() + " belongs to another user");
        }
        boolean wasPremium = premium(s.userId());
        jdbc.sql("""
                        INSERT INTO subscriptions (id, user_id, provider, plan, status, current_period_end,
                            cancel_at_period_end, ended_at, note, granted_by, observed_at)
                        VALUES (:id, :user, :provider, :plan, :status, :end, :cape, :ended, :note, :by, :observed)
                        ON CONFLICT (id) DO UPDATE SET plan = excluded.plan, status = excluded.status,
                            current_period_end = excluded.current_period_end,
                            cancel_at_period_end = excluded.cancel_at_period_end,
                            ended_at = excluded.ended_at,
                            note = coalesce(excluded.note, subscriptions.note),
                            observed_at = excluded.observed_at, updated_at = now()
                        """)
                .param("id", s.id())
                .param("user", s.userId())
                .param("provider", s.provider().key())
                .param("plan", s.plan())
                .param("status", s.status())
                .param("end", ts(s.currentPeriodEnd()))
                .param("cape", s.cancelAtPeriodEnd())
                .param("ended", ts(s.endedAt()))
                .param("note", s.note())
                .param("by", s.grantedBy())
                .param("observed", Timestamp.from(observedAt))
                .update();
        if (before.isPresent() && sameState(before.get().view(), s)) {
            return Outcome.UNCHANGED;
        }
        boolean wasEntitled = before.map(b -> b.view().entitled()).orElse(false);
        boolean isEntitled = SubscriptionStatus.entitled(s.status());
        String tier = premium(s.userId()) ? Plans.PREMIUM : Plans.FREE;
        if (!wasEntitled && isEntitled) {
            events.publish(
                    s.userId().toString(),
                    new SubscriptionActivated(
                            s.userId(), s.id(), s.plan(), tier, periodEnd(s, observedAt), nextVersion()));
        } else if (wasEntitled && !isEntitled && !Plans.PREMIUM.equals(tier)) {
            events.publish(
                    s.userId().toString(),
                    new SubscriptionCancelled(
                            s.userId(), s.id(), s.endedAt() != null ? s.endedAt() : observedAt, nextVersion()));
        } else if (wasEntitled || isEntitled) {
            events.publish(
                    s.userId().toString(),
                    new SubscriptionChanged(
                            s.userId(), s.id(), s.plan(), s.status(), tier, periodEnd(s, observedAt), nextVersion()));
        } else {
            log.info(
                    "Subscription {} of user {} is {} and never gave access: nothing to announce",
                    s.id(),
                    s.userId(),
                    s.status());
        }
        if (wasPremium != Plans.PREMIUM.equals(tier)) {
            log.info("User {} is now on the {} tier ({} {})", s.userId(), tier, s.id(), s.status());
        }
        return before.isPresent() ? Outcome.CHANGED : Outcome.CREATED;
    }

    public Optional<SubscriptionView> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** A user's subscriptions, the ones giving access first, then the newest. */
    public List<SubscriptionView> ofUser(UUID userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE user_id = :u"
                        + " ORDER BY status IN ('active', 'trialing', 'past_due') DESC, created_at DESC")
                .param("u", userId)
                .query((rs, n) -> view(rs))
                .list();
    }

    public boolean premium(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM subscriptions WHERE user_id = :u"
                        + " AND status IN ('active', 'trialing', 'past_due'))")
                .param("u", userId)
                .query(Boolean.class)
                .single();
    }

    /** Manual grants whose expiry has passed by the database's clock (the same clock for every instance). */
    public List<SubscriptionView> lapsedManualGrants() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subscriptions WHERE provider = 'manual' AND status = 'active'"
                        + " AND current_period_end <= now()")
                .query((rs, n) -> view(rs))
                .list();
    }

    /** The database's current time, so expiry decisions agree across instances. */
    public Instant databaseNow() {
        return jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
    }

    public List<SubscriptionView> page(@Nullable String status, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM subscriptions WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("status", status)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> view(rs))
                .list();
    }

    /** How many subscriptions are in each state, per provider. */
    public Map<String, Map<String, Long>> countsByProviderAndStatus() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT provider, status, count(*) AS n FROM subscriptions GROUP BY provider, status ORDER BY provider, status")
                .query(rs -> {
                    out.computeIfAbsent(rs.getString("provider"), k -> new LinkedHashMap<>())
                            .put(rs.getString("status"), rs.getLong("n"));
                });
        return out;
    }

    /** Plans of the Stripe subscriptions that currently pay (for monthly recurring revenue). */
    public Map<String, Long> payingStripeSubscriptionsByPlan() {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("SELECT plan, count(*) AS n FROM subscriptions WHERE provider = 'stripe'"
                        + " AND status IN ('active', 'past_due') GROUP BY plan ORDER BY plan")
                .query(rs -> {
                    out.put(rs.getString("plan"), rs.getLong("n"));
                });
        return out;
    }

    private long nextVersion() {
        return jdbc.sql("SELECT nextval('event_version')").query(Long.class).single();
    }

    private static Instant periodEnd(SubscriptionSnapshot s, Instant fallback) {
        return s.currentPeriodEnd() != null ? s.currentPeriodEnd() : fallback;
    }

    private static boolean sameState(SubscriptionView v, SubscriptionSnapshot s) {
        return v.plan().equals(s.plan())
                && v.status().equals(s.status())
                && Objects.equals(v.currentPeriodEnd(), s.currentPeriodEnd())
                && v.cancelAtPeriodEnd() == s.cancelAtPeriodEnd();
    }

    private static @Nullable Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static SubscriptionView view(ResultSet rs) throws SQLException {
        String grantedBy = rs.getString("granted_by");
        return new SubscriptionView(
                rs.getString("id"),
                rs.getObject("user_id", UUID.class),
                Provider.of(rs.getString("provider")),
                rs.getString("plan"),
                rs.getString("status"),
                instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"),
                instant(rs, "ended_at"),
                rs.getString("note"),
                grantedBy == null ? null : UUID.fromString(grantedBy),
                rs.getTimestamp("created_at").toInstant());
    }

    private record Stored(SubscriptionView view, Instant observedAt) {}
}
