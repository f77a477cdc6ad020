package io.lectern.notify.notification;

import io.lectern.notify.email.Email;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.recipient.Recipients;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-app notifications. The row is the durable record; the live stream is only nudged after the
 * creating transaction commits, and a client that missed a nudge catches up from the rows.
 */
@Service
public class Notifications {

    private static final String COLUMNS = "id, seq, kind, title, body, link, created_at, read_at";

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final EmailQueue emails;
    private final NotificationSignals signals;

    Notifications(JdbcClient jdbc, Recipients recipients, EmailQueue emails, NotificationSignals signals) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.emails = emails;
        this.signals = signals;
    }

    /** Creates a notification in the caller's transaction (an event handler's). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID create(NewNotification n) {
        // The upsert locks the user's counter row until commit, so this user's rows commit in seq order.
        long seq = jdbc.sql("""
                        INSERT INTO notification_counter (user_id, last_seq) VALUES (:user, 1)
                        ON CONFLICT (user_id) DO UPDATE SET last_seq = notification_counter.last_seq + 1
                        RETURNING last_seq
                        """).param("user", n.userId()).query(Long.class).single();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO notification (id, user_id, seq, kind, title, body, link)
                        VALUES (:id, :user, :seq, :kind, :title, :body, :link)
                        """)
                .param("id", id)
                .param("user", n.userId())
                .param("seq", seq)
                .param("kind", n.kind())
                .param("title", n.title())
                .param("body", n.body())
                .param("link", n.link())
                .update();
        if (n.emailToo()) {
            recipients
                    .find(n.userId())
                    .filter(r -> r.notificationEmailsOptIn() && r.emailVerified())
                    .ifPresent(r -> {
                        Map<String, Object> model = new HashMap<>();
                        model.put("displayName", r.displayName());
                        model.put("title", n.title());
                        model.put("body", n.body());
                        if (n.link() != null) {
                            model.put("link", n.link());
                        }
                        emails.enqueue(Email.of(r.userId(), r.email(), "notification", model));
                    });
        }
        UUID user = n.userId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signals.publish(user);
            }
        });
        return id;
    }

    @Transactional(readOnly = true)
    NotificationPage page(UUID userId, int page, int size) {
        List<NotificationResponse> items = jdbc.sql("SELECT " + COLUMNS
                        + " FROM notification WHERE user_id = :user ORDER BY seq DESC LIMIT :size OFFSET :offset")
                .param("user", userId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(Notifications::map)
                .list();
        long total = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        long unread = jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId)
                .query(Long.class)
                .single();
        return new NotificationPage(items, page, size, total, unread);
    }

    /** Rows after {@code seq}, oldest first: what a stream (re)connecting with Last-Event-ID missed. */
    List<NotificationResponse> after(UUID userId, long seq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM notification WHERE user_id = :user AND seq > :seq ORDER BY seq LIMIT :limit")
                .param("user", userId)
                .param("seq", seq)
                .param("limit", limit)
                .query(Notifications::map)
                .list();
    }

    long lastSeq(UUID userId) {
        return jdbc.sql("SELECT coalesce(max(last_seq), 0) FROM notification_counter WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** @return false when there is no such notification of this user */
    @Transactional
    boolean markRead(UUID userId, UUID id) {
        return jdbc.sql("UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = :id AND user_id = :user")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                == 1;
    }

    @Transactional
    int markAllRead(UUID userId) {
        return jdbc.sql("UPDATE notification SET read_at = now() WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId)
                .update();
    }

    @Transactional
    boolean dismiss(UUID userId, UUID id) {
        return jdbc.sql("DELETE FROM notification WHERE id = :id AND user_id = :user")
                        .param("id", id)
                        .param("user", userId)
                        .update()
                == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteAllOf(UUID userId) {
        jdbc.sql("DELETE FROM notification WHERE user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("DELETE FROM notification_counter WHERE user_id = :user")
                .param("user", userId)
                .update();
    }

    private static NotificationResponse map(ResultSet rs, int n) throws SQLException {
        return new NotificationResponse(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getString("kind"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("read_at") != null);
    }
}
