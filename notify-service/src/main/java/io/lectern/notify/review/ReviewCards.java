package io.lectern.notify.review;

import io.lectern.contracts.events.learning.CardsDue;
import io.lectern.eventbus.EventJson;
import io.lectern.notify.email.Email;
import io.lectern.notify.email.EmailQueue;
import io.lectern.notify.recipient.Recipient;
import io.lectern.notify.recipient.Recipients;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The cards a reader has due today, with their grade links. A reader who gets the digest and has not
 * had today's yet finds them in it ({@link #claimForDigest}); anyone else gets a short review e-mail
 * right away. One delivery per reader and day: the row's {@code sent_in} is set in the transaction
 * that queues the mail, and a redelivered event changes nothing.
 */
@Component
public class ReviewCards {

    private static final TypeReference<List<Map<String, Object>>> CARDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final EmailQueue emails;

    ReviewCards(JdbcClient jdbc, Recipients recipients, EmailQueue emails) {
        this.jdbc = jdbc;
        this.recipients = recipients;
        this.emails = emails;
    }

    /** Handles a cards-due event (inside the bus's handler transaction). */
    public void received(CardsDue due) {
        Optional<Recipient> recipient = recipients.find(due.userId());
        if (recipient.isEmpty() || !recipient.get().emailVerified()) {
            return;
        }
        int inserted = jdbc.sql("""
                        insert into review_cards_due (user_id, local_date, due_count, cards)
                        values (:user, :day, :count, cast(:cards as jsonb)) on conflict do nothing
                        """)
                .param("user", due.userId())
                .param("day", Date.valueOf(due.localDate()))
                .param("count", due.dueCount())
                .param("cards", EventJson.mapper().writeValueAsString(due.cards()))
                .update();
        if (inserted == 0) {
            return;
        }
        Recipient r = recipient.get();
        if (r.digestOptIn() && !digestSent(r.userId(), due.localDate())) {
            return; // today's digest will carry them
        }
        List<Map<String, Object>> cards = claim(r.userId(), due.localDate(), "review-email");
        if (cards.isEmpty()) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("displayName", r.displayName());
        model.put("dueCount", due.dueCount());
        model.put("reviewCards", cards);
        UUID emailId = emails.enqueue(Email.of(r.userId(), r.email(), "review-cards", model));
        markEmail(r.userId(), due.localDate(), emailId);
    }

    /** Whether cards wait for {@code user}'s digest of {@code day}. */
    public boolean pendingFor(UUID user, LocalDate day) {
        return jdbc.sql(
                                "select count(*) from review_cards_due where user_id = :user and local_date = :day and sent_in is null")
                        .param("user", user)
                        .param("day", Date.valueOf(day))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Takes the cards waiting for the digest (call in the digest's transaction); empty when none. */
    public List<Map<String, Object>> claimForDigest(UUID user, LocalDate day) {
        return claim(user, day, "digest");
    }

    public void markEmail(UUID user, LocalDate day, UUID emailId) {
        jdbc.sql("update review_cards_due set email_id = :email where user_id = :user and local_date = :day")
                .param("email", emailId)
                .param("user", user)
                .param("day", Date.valueOf(day))
                .update();
    }

    public void deleteFor(UUID user) {
        jdbc.sql("delete from review_cards_due where user_id = :user")
                .param("user", user)
                .update();
    }

    private List<Map<String, Object>> claim(UUID user, LocalDate day, String via) {
        return jdbc.sql("""
                        update review_cards_due set sent_in = :via
                        where user_id = :user and local_date = :day and sent_in is null
                        returning cards::text
                        """)
                .param("via", via)
                .param("user", user)
                .param("day", Date.valueOf(day))
                .query(String.class)
                .optional()
                .map(json -> EventJson.mapper().readValue(json, CARDS))
                .orElse(List.of());
    }

    private boolean digestSent(UUID user, LocalDate day) {
        return jdbc.sql("select count(*) from digest_sent where user_id = :user and digest_date = :day")
                        .param("user", user)
                        .param("day", Date.valueOf(day))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
