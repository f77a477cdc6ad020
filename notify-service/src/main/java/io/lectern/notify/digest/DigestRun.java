package io.lectern.notify.digest;

import io.lectern.notify.config.NotifyProperties;
import io.lectern.notify.email.Email;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.recipient.Recipient;
import io.lectern.notify.recipient.Recipients;
import io.lectern.notify.review.ReviewCards;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of the daily digest. A subscriber's digest is due once their local time has reached the
 * configured hour; it lists the posts published in the 24 hours before that hour (a window fixed by
 * the date, so a late or repeated run shows the same posts, without gaps or overlaps between days).
 * Each user is handled in a transaction of their own that inserts {@code digest_sent(user, date)} and
 * queues the e-mail together: the unique key makes a second instance, a second run or a rerun after
 * a crash half-way skip who already has theirs, and a crash loses nobody's digest but the one in
 * flight, which the next run picks up.
 */
@Service
public class DigestRun {

    private final Recipients recipients;
    private final DigestPosts posts;
    private final EmailQueue emails;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final NotifyProperties.Digest settings;
    private final ReviewCards reviewCards;

    DigestRun(
            Recipients recipients,
            DigestPosts posts,
            EmailQueue emails,
            JdbcClient jdbc,
            TransactionTemplate tx,
            NotifyProperties props,
            ReviewCards reviewCards) {
        this.recipients = recipients;
        this.posts = posts;
        this.emails = emails;
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = props.digest();
        this.reviewCards = reviewCards;
    }

    /** Queues every digest due at {@code now}; returns how many were queued by this call. */
    public int runAt(Instant now) {
        int queued = 0;
        for (Recipient r : recipients.digestSubscribers()) {
            ZoneId zone = zone(r.timeZone());
            ZonedDateTime local = now.atZone(zone);
            if (local.getHour() < settings.hour()) {
                continue;
            }
            LocalDate date = local.toLocalDate();
            if (alreadySent(r.userId(), date)) {
                continue;
            }
            Instant windowEnd = date.atTime(settings.hour(), 0).atZone(zone).toInstant();
            List<DigestPosts.DigestPost> fresh =
                    posts.publishedBetween(windowEnd.minus(Duration.ofHours(24)), windowEnd, settings.maxPosts());
            if (fresh.isEmpty() && !reviewCards.pendingFor(r.userId(), date)) {
                continue;
            }
            Boolean done = tx.execute(status -> queue(r, date, fresh));
            if (Boolean.TRUE.equals(done)) {
                queued++;
            }
        }
        return queued;
    }

    private boolean queue(Recipient r, LocalDate date, List<DigestPosts.DigestPost> fresh) {
        int claimed = jdbc.sql("""
                        INSERT INTO digest_sent (user_id, digest_date, post_count) VALUES (:user, :date, :count)
                        ON CONFLICT DO NOTHING
                        """)
                .param("user", r.userId())
                .param("date", date)
                .param("count", fresh.size())
                .update();
        if (claimed == 0) {
            return false;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("displayName", r.displayName());
        model.put("postCount", fresh.size());
        model.put(
                "posts",
                fresh.stream()
                        .map(p -> Map.of(
                                "title", p.title(),
                                "excerpt", p.excerpt(),
                                "authorName", p.authorName(),
                                "url", emails.link("/posts/" + p.slug())))
                        .toList());
        List<Map<String, Object>> cards = reviewCards.claimForDigest(r.userId(), date);
        model.put("reviewCards", cards);
        model.put("hasReviewCards", !cards.isEmpty());
        UUID emailId = emails.enqueue(Email.of(r.userId(), r.email(), "digest", model));
        jdbc.sql("UPDATE digest_sent SET email_id = :email WHERE user_id = :user AND digest_date = :date")
                .param("email", emailId)
                .param("user", r.userId())
                .param("date", date)
                .update();
        return true;
    }

    private boolean alreadySent(UUID userId, LocalDate date) {
        return jdbc.sql("SELECT count(*) FROM digest_sent WHERE user_id = :user AND digest_date = :date")
                        .param("user", userId)
                        .param("date", date)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
