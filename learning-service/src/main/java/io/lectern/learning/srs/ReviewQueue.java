package io.lectern.learning.srs;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a user's review queue for their local day: cards in learning steps that are due (or due
 * within the learn-ahead window), review cards due by the end of the local day, then new cards up to
 * the daily limit (less the new cards already started today). A card is left out when a sibling (same
 * sibling key) was reviewed today or is already in the queue. Both halves read a partial index in due
 * or creation order and stop after a bounded number of rows.
 */
@Component
class ReviewQueue {

    record Queue(LocalDate day, int dueCount, int newRemaining, List<Card> cards) {}

    private final JdbcClient jdbc;

    ReviewQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Queue build(UUID userId, Instant now, ZoneId zone, int newPerDay, int limit, java.time.Duration learnAhead) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant endOfDay = today.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Set<UUID>> reviewedSiblings = new HashMap<>();
        jdbc.sql("""
                        select distinct c.sibling_key, c.id from srs_review r join srs_card c on c.id = r.card_id
                        where r.user_id = :user and r.local_date = :today and c.sibling_key is not null
                        """)
                .param("user", userId)
                .param("today", Date.valueOf(today))
                .query((rs, n) -> {
                    reviewedSiblings
                            .computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                    return 1;
                })
                .list();
        int newStarted = jdbc.sql("""
                        select count(*) from srs_review
                        where user_id = :user and local_date = :today and state_before = 'NEW'
                        """)
                .param("user", userId)
                .param("today", Date.valueOf(today))
                .query(Integer.class)
                .single();
        int dueCount = jdbc.sql("""
                        select count(*) from srs_card
                        where user_id = :user and not suspended and state <> 'NEW' and due < :endOfDay
                          and (buried_until is null or buried_until < :today)
                          and (state = 'REVIEW' or due <= :learnAhead)
                        """)
                .param("user", userId)
                .param("endOfDay", Timestamp.from(endOfDay))
                .param("today", Date.valueOf(today))
                .param("learnAhead", Timestamp.from(now.plus(learnAhead)))
                .query(Integer.class)
                .single();

        List<Card> queue = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        int fetch = limit * 2 + 20;
        List<Card> due = jdbc.sql("select " + Cards.COLUMNS + """
                         from srs_card
                        where user_id = :user and not suspended and state <> 'NEW' and due < :endOfDay
                          and (buried_until is null or buried_until < :today)
                          and (state = 'REVIEW' or due <= :learnAhead)
                        order by due, id limit :fetch
                        """)
                .param("user", userId)
                .param("endOfDay", Timestamp.from(endOfDay))
                .param("today", Date.valueOf(today))
                .param("learnAhead", Timestamp.from(now.plus(learnAhead)))
                .param("fetch", fetch)
                .query(Cards::card)
                .list();
        addWithoutSiblings(due, queue, taken, reviewedSiblings, limit);

        int newRemaining = Math.max(0, newPerDay - newStarted);
        int newTaken = 0;
        if (queue.size() < limit && newRemaining > 0) {
            List<Card> fresh = jdbc.sql("select " + Cards.COLUMNS + """
                             from srs_card
                            where user_id = :user and not suspended and state = 'NEW'
                              and (buried_until is null or buried_until < :today)
                            order by created_at, id limit :fetch
                            """)
                    .param("user", userId)
                    .param("today", Date.valueOf(today))
                    .param("fetch", Math.min(newRemaining, limit) * 2 + 20)
                    .query(Cards::card)
                    .list();
            int before = queue.size();
            addWithoutSiblings(fresh, queue, taken, reviewedSiblings, Math.min(limit, before + newRemaining));
            newTaken = queue.size() - before;
        }
        return new Queue(today, dueCount, newRemaining - newTaken, queue);
    }

    private static void addWithoutSiblings(
            List<Card> candidates, List<Card> queue, Set<String> taken, Map<String, Set<UUID>> reviewed, int limit) {
        for (Card c : candidates) {
            if (queue.size() >= limit) {
                return;
            }
            String key = c.siblingKey();
            if (key != null) {
                Set<UUID> reviewedToday = reviewed.getOrDefault(key, Set.of());
                boolean siblingReviewed = reviewedToday.stream().anyMatch(id -> !id.equals(c.id()));
                if (siblingReviewed || !taken.add(key)) {
                    continue;
                }
            }
            queue.add(c);
        }
    }
}
