package io.lectern.notify.config;

import io.lectern.platform.crypto.BuiltInSecrets;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything notify-service can be told from the environment. Timings are configurable so tests can
 * run the sender and the batchers fast; production defaults are in the record.
 *
 * @param publicBaseUrl the site readers see; links in e-mails start with it (API links use {@code /api/v1} below it)
 * @param from the From header of every e-mail ({@code LECTERN_SMTP_FROM})
 */
@ConfigurationProperties("lectern.notify")
public record NotifyProperties(
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue("Lectern <no-reply@lectern.local>") String from,
        @DefaultValue Sender sender,
        @DefaultValue Digest digest,
        @DefaultValue Newsletter newsletter,
        @DefaultValue Stream stream) {

    /**
     * The e-mail queue's sender.
     *
     * @param lease how long a claimed message is reserved for one instance; must exceed SMTP timeouts
     * @param maxAttempts after this many failed deliveries a message is moved aside as failed
     */
    public record Sender(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("20") int batchSize,
            @DefaultValue("4") int concurrency,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("30s") Duration backoffBase,
            @DefaultValue("1h") Duration backoffMax) {}

    /**
     * The daily digest: sent at {@code hour} in each subscriber's own time zone; {@code cron} is how
     * often the job looks for subscribers whose hour has come.
     */
    public record Digest(
            @DefaultValue("8") int hour,
            @DefaultValue("0 */15 * * * *") String cron,
            @DefaultValue("20") int maxPosts) {}

    /**
     * @param confirmationTtl how long a double-opt-in link stays valid
     * @param unsubscribeSecret HMAC key of one-click unsubscribe links ({@code LECTERN_NEWSLETTER_SECRET})
     */
    public record Newsletter(
            @DefaultValue("48h") Duration confirmationTtl,
            @DefaultValue("") String unsubscribeSecret,
            @DefaultValue("200") int batchSize,
            @DefaultValue("5s") Duration batchInterval) {

        /** No built-in secret: a published one would let anyone unsubscribe anyone. */
        public Newsletter {
            unsubscribeSecret = BuiltInSecrets.require("LECTERN_NEWSLETTER_SECRET", unsubscribeSecret);
        }
    }

    /** Server-sent events: how long a stream stays open and how often it is kept alive. */
    public record Stream(
            @DefaultValue("30m") Duration timeout,
            @DefaultValue("20s") Duration heartbeat) {}
}
