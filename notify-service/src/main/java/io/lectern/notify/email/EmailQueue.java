package io.lectern.notify.email;

import java.net.URI;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Puts e-mails into {@code email_outbox}. It joins the caller's transaction (the event handler's,
 * which also records the inbox entry), so an e-mail is queued if and only if the work that asked for
 * it commits.
 */
@Component
public class EmailQueue {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final String messageIdDomain;
    private final String baseUrl;

    EmailQueue(JdbcClient jdbc, ObjectMapper json, io.lectern.notify.config.NotifyProperties props) {
        this.jdbc = jdbc;
        this.json = json;
        String host = URI.create(props.publicBaseUrl().toString()).getHost();
        this.messageIdDomain = host == null || host.isBlank() ? "lectern.local" : host;
        String base = props.publicBaseUrl().toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Queues {@code email} and returns its id. The Message-ID is fixed now, so every retry reuses it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(Email email) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO email_outbox (id, message_id, user_id, to_address, template, model, headers)
                        VALUES (:id, :messageId, :userId, :to, :template, CAST(:model AS jsonb), CAST(:headers AS jsonb))
                        """)
                .param("id", id)
                .param("messageId", "<" + id + "@" + messageIdDomain + ">")
                .param("userId", email.userId())
                .param("to", email.to())
                .param("template", email.template())
                .param("model", json.writeValueAsString(email.model()))
                .param("headers", json.writeValueAsString(email.headers()))
                .update();
        return id;
    }

    /** An absolute link to {@code path} on the public site, for e-mail bodies and headers. */
    public String link(String path) {
        return baseUrl + path;
    }

    /** Drops what is still waiting for a deleted user; mail already handed to SMTP cannot be recalled. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int discardPendingFor(UUID userId) {
        return jdbc.sql("DELETE FROM email_outbox WHERE user_id = :userId")
                .param("userId", userId)
                .update();
    }
}
