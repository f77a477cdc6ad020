package io.lectern.learning.srs;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Spaced-repetition settings.
 *
 * @param fuzz spread review intervals (seeded per card, see ADR 0060)
 * @param xpRule the XP ledger rule a review earns (points under {@code lectern.learning.xp.rules})
 * @param queueLimit the most cards one queue response carries
 */
@ConfigurationProperties("lectern.learning.srs")
public record SrsProperties(
        @DefaultValue("true") boolean fuzz,
        @DefaultValue("card-reviewed") String xpRule,
        @DefaultValue("100") int queueLimit,
        @DefaultValue("20m") Duration learnAhead,
        @DefaultValue Inbox inbox,
        @DefaultValue Drafts drafts) {

    /**
     * Review from the inbox.
     *
     * @param hour local hour from which a user's daily cards-due event is published
     * @param maxCards cards per e-mail
     * @param linkSecret HMAC key of the grade links (set it in production; at least 32 characters)
     * @param publicBaseUrl where grade links point (the gateway's public address)
     * @param cron how often the job looks for users whose hour has come
     */
    public record Inbox(
            @DefaultValue("7") int hour,
            @DefaultValue("5") int maxCards,
            String linkSecret,
            @DefaultValue("http://localhost:8080") URI publicBaseUrl,
            @DefaultValue("0 */15 * * * *") String cron) {}

    /**
     * Card drafts for a finished post, from ai-service ({@code lectern.learning.ai.*}: address, timeout,
     * circuit breaker), else the local key-sentence drafts.
     *
     * @param count drafts offered per post
     */
    public record Drafts(@DefaultValue("8") int count) {}
}
