package io.lectern.notify.email;

import io.lectern.notify.config.NotifyProperties;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivers the e-mail queue. Each round claims a batch of due messages with {@code FOR UPDATE SKIP
 * LOCKED}, marking them {@code sending} under a lease (a claim token and an expiry), so several
 * instances never take the same message. Before each SMTP transaction the lease is checked and
 * renewed; after SMTP accepts a message it is marked {@code sent} at once, one message at a time.
 *
 * <p>What is left is the at-least-once window SMTP cannot close (it has no idempotency): a crash
 * after the server accepted a message but before the {@code sent} update commits leaves the message
 * {@code sending}; when its lease runs out another round sends it again, with the same Message-ID, so
 * a receiving system that deduplicates on Message-ID shows it once. The window is a single SMTP
 * acceptance plus one UPDATE, per message, never a batch.
 *
 * <p>Messages run on virtual threads, at most {@code concurrency} at a time per instance.
 */
public class EmailSender implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final EmailRenderer renderer;
    private final ObjectMapper json;
    private final NotifyProperties.Sender settings;
    private final InternetAddress from;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean halted;
    private volatile ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Thread loop;

    public EmailSender(
            JdbcClient jdbc,
            JavaMailSender mail,
            EmailRenderer renderer,
            ObjectMapper json,
            NotifyProperties.Sender settings,
            String from) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.renderer = renderer;
        this.json = json;
        this.settings = settings;
        try {
            this.from = new InternetAddress(from, true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("lectern.notify.from is not an address: " + from, e);
        }
    }

    /** Starts polling on a virtual thread. */
    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        halted = false;
        workers = Executors.newVirtualThreadPerTaskExecutor();
        loop = Thread.ofVirtual().name("email-sender").start(this::pollLoop);
    }

    /** Stops after the messages in flight; claimed messages not yet started are released at once. */
    @Override
    public void stop() {
        stopPolling(true);
    }

    /**
     * Stops like a crash would: no more messages are started and nothing is released, so what this
     * instance had claimed stays {@code sending} until its lease expires. Used by operators' drills
     * and tests to prove that a restart neither loses nor repeats mail.
     */
    public void halt() {
        stopPolling(false);
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }

    private void stopPolling(boolean release) {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        halted = true;
        Thread current = loop;
        if (current != null) {
            current.interrupt();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            if (current != null) {
                current.join(Duration.ofSeconds(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (release) {
            releaseUnstarted();
        }
    }

    private final java.util.Set<UUID> claimTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private void releaseUnstarted() {
        for (UUID token : claimTokens) {
            jdbc.sql("""
                            UPDATE email_outbox SET status = 'queued', claim_token = NULL, lease_until = NULL,
                                   attempts = attempts - 1
                             WHERE claim_token = :token AND status = 'sending'
                            """).param("token", token).update();
        }
        claimTokens.clear();
    }

    private void pollLoop() {
        while (running.get()) {
            int claimed = 0;
            try {
                claimed = sendDueBatch();
            } catch (RuntimeException e) {
                log.warn("e-mail round failed, trying again: {}", e.toString());
            }
            if (claimed < settings.batchSize()) {
                try {
                    Thread.sleep(settings.pollInterval());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Claims one batch and delivers it; returns how many messages were claimed. */
    public int sendDueBatch() {
        UUID token = UUID.randomUUID();
        List<Claimed> batch = claim(token);
        if (batch.isEmpty()) {
            return 0;
        }
        claimTokens.add(token);
        Semaphore slots = new Semaphore(Math.max(1, settings.concurrency()));
        List<java.util.concurrent.Future<?>> inFlight = new java.util.ArrayList<>();
        for (Claimed message : batch) {
            if (halted) {
                break;
            }
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (halted) {
                slots.release();
                break;
            }
            try {
                inFlight.add(workers.submit(() -> {
                    try {
                        deliver(message, token);
                    } finally {
                        slots.release();
                    }
                }));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                slots.release();
                break;
            }
        }
        for (var f : inFlight) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("e-mail delivery task failed: {}", e.getCause().toString());
            }
        }
        if (!halted) {
            claimTokens.remove(token);
        }
        return batch.size();
    }

    private List<Claimed> claim(UUID token) {
        return jdbc.sql("""
                        UPDATE email_outbox o
                           SET status = 'sending', claim_token = :token, attempts = o.attempts + 1,
                               lease_until = now() + :leaseMs * interval '1 millisecond'
                         WHERE o.id IN (SELECT id FROM email_outbox
                                         WHERE (status = 'queued' AND next_attempt_at <= now())
                                            OR (status = 'sending' AND lease_until < now())
                                         ORDER BY next_attempt_at
                                         LIMIT :batch
                                         FOR UPDATE SKIP LOCKED)
                        RETURNING o.id, o.message_id, o.to_address, o.template, o.model::text AS model,
                                  o.headers::text AS headers, o.attempts
                        """)
                .param("token", token)
                .param("leaseMs", settings.lease().toMillis())
                .param("batch", settings.batchSize())
                .query((rs, n) -> new Claimed(
                        rs.getObject("id", UUID.class),
                        rs.getString("message_id"),
                        rs.getString("to_address"),
                        rs.getString("template"),
                        rs.getString("model"),
                        rs.getString("headers"),
                        rs.getInt("attempts")))
                .list();
    }

    private void deliver(Claimed message, UUID token) {
        if (!renewLease(message.id(), token)) {
            return; // our lease ran out and another instance owns the message now
        }
        MimeMessage mime;
        try {
            mime = build(message);
        } catch (RuntimeException | jakarta.mail.MessagingException e) {
            DeliveryFailure failure = e instanceof jakarta.mail.MessagingException
                    ? DeliveryFailure.classify(e)
                    : DeliveryFailure.permanent("cannot render: " + e.getMessage());
            failed(message, token, failure.permanent() ? failure : DeliveryFailure.permanent(failure.reason()));
            return;
        }
        try {
            mail.send(mime);
        } catch (RuntimeException e) {
            failed(message, token, DeliveryFailure.classify(e));
            return;
        }
        jdbc.sql("""
                        UPDATE email_outbox SET status = 'sent', sent_at = now(), claim_token = NULL,
                               lease_until = NULL, last_error = NULL
                         WHERE id = :id AND claim_token = :token
                        """).param("id", message.id()).param("token", token).update();
    }

    private boolean renewLease(UUID id, UUID token) {
        return jdbc.sql("""
                        UPDATE email_outbox SET lease_until = now() + :leaseMs * interval '1 millisecond'
                         WHERE id = :id AND claim_token = :token AND status = 'sending' AND lease_until > now()
                        """)
                        .param("leaseMs", settings.lease().toMillis())
                        .param("id", id)
                        .param("token", token)
                        .update()
                == 1;
    }

    private MimeMessage build(Claimed message) throws jakarta.mail.MessagingException {
        Map<String, Object> model = json.readValue(message.model(), MODEL);
        Map<String, String> headers = json.readValue(message.headers(), HEADERS);
        RenderedEmail rendered = renderer.render(message.template(), model);
        MimeMessage mime = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(new InternetAddress(message.to(), true));
        helper.setSubject(rendered.subject());
        helper.setText(rendered.text(), rendered.html());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        // Spring keeps a Message-ID set before sending; the same id on every retry lets receivers
        // recognise a repeat after a crash in the at-least-once window.
        mime.setHeader("Message-ID", message.messageId());
        return mime;
    }

    private void failed(Claimed message, UUID token, DeliveryFailure failure) {
        boolean giveUp = failure.permanent() || message.attempts() >= settings.maxAttempts();
        String reason = failure.permanent() || !giveUp
                ? failure.reason()
                : "gave up after " + message.attempts() + " attempts: " + failure.reason();
        if (giveUp) {
            log.warn("e-mail {} to template {} failed for good: {}", message.id(), message.template(), reason);
        }
        jdbc.sql("""
                        UPDATE email_outbox
                           SET status = :status, claim_token = NULL, lease_until = NULL, last_error = :reason,
                               next_attempt_at = now() + :delayMs * interval '1 millisecond',
                               failed_at = CASE WHEN :status = 'failed' THEN now() END
                         WHERE id = :id AND claim_token = :token
                        """)
                .param("status", giveUp ? "failed" : "queued")
                .param("reason", reason)
                .param("delayMs", giveUp ? 0 : backoff(message.attempts()).toMillis())
                .param("id", message.id())
                .param("token", token)
                .update();
    }

    /** Exponential backoff with ±20 % jitter, so instances recovering together do not retry in step. */
    Duration backoff(int attempts) {
        long base = settings.backoffBase().toMillis();
        long max = settings.backoffMax().toMillis();
        long exp = base << Math.min(Math.max(attempts - 1, 0), 30);
        long capped = Math.min(exp <= 0 ? max : exp, max);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    private record Claimed(
            UUID id, String messageId, String to, String template, String model, String headers, int attempts) {}
}
