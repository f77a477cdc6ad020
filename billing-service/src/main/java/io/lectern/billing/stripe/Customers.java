package io.lectern.billing.stripe;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which Stripe customer belongs to which user: one each, created once and kept. */
@Component
public class Customers {

    private final JdbcClient jdbc;

    Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> customerOf(UUID userId) {
        return jdbc.sql("SELECT stripe_customer_id FROM customers WHERE user_id = :u")
                .param("u", userId)
                .query(String.class)
                .optional();
    }

    Optional<UUID> userOf(String customerId) {
        return jdbc.sql("SELECT user_id FROM customers WHERE stripe_customer_id = :c")
                .param("c", customerId)
                .query(UUID.class)
                .optional();
    }

    /** Records the link unless the user has one already; returns the customer that is on record. */
    String link(UUID userId, String customerId) {
        jdbc.sql("INSERT INTO customers (user_id, stripe_customer_id) VALUES (:u, :c) ON CONFLICT DO NOTHING")
                .param("u", userId)
                .param("c", customerId)
                .update();
        return customerOf(userId).orElseThrow();
    }

    public java.util.List<String> all() {
        return jdbc.sql("SELECT stripe_customer_id FROM customers ORDER BY created_at")
                .query(String.class)
                .list();
    }
}
