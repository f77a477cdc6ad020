package io.lectern.learning.srs;

import io.lectern.contracts.events.learning.CardsDue;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.learner.Learners;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review from the inbox. Once a day per user who opted in, from their local hour on, the cards due
 * today (at most a handful) are published as {@link CardsDue} with one signed grade link per rating;
 * {@code srs_inbox_sent (user, date)} makes that once per day whatever runs where. A click records
 * the review through {@link Reviews} exactly as the app does; the first click per card and local date
 * wins ({@code srs_grade_link_use}), later clicks and clicks on a card no longer due change nothing.
 */
@Service
class InboxReviews {

    private static final String[] LABELS = {"Again", "Hard", "Good", "Easy"};

    record Clicked(
            boolean recorded,
            UUID cardId,
            int rating,
            String message,
            @Nullable Instant nextDue) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Learners learners;
    private final ReviewQueue queue;
    private final GradeLinks links;
    private final Reviews reviews;
    private final Cards cards;
    private final EventPublisher events;
    private final SrsProperties props;
    private final Clock clock;

    InboxReviews(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Learners learners,
            ReviewQueue queue,
            GradeLinks links,
            Reviews reviews,
            Cards cards,
            EventPublisher events,
            SrsProperties props,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.learners = learners;
        this.queue = queue;
        this.links = links;
        this.reviews = reviews;
        this.cards = cards;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(cron = "${lectern.learning.srs.inbox.cron:0 */15 * * * *}", zone = "UTC")
    @SchedulerLock(name = "learning-srs-cards-due", lockAtMostFor = "PT30M", lockAtLeastFor = "PT30S")
    public void publishScheduled() {
        publishDue(clock.instant());
    }

    /** Publishes today's cards-due event for every opted-in user whose local hour has come; returns how many. */
    int publishDue(Instant now) {
        List<UUID> users = jdbc.sql("select user_id from srs_settings where inbox_review order by user_id")
                .query(UUID.class)
                .list();
        int published = 0;
        for (UUID user : users) {
            ZoneId zone = learners.zoneOf(user);
            ZonedDateTime local = now.atZone(zone);
            if (local.getHour() < props.inbox().hour()) {
                continue;
            }
            Boolean done = tx.execute(status -> publishFor(user, zone, local.toLocalDate(), now));
            if (Boolean.TRUE.equals(done)) {
                published++;
            }
        }
        return published;
    }

    private boolean publishFor(UUID user, ZoneId zone, LocalDate day, Instant now) {
        if (learners.isDeleted(user)) {
            return false;
        }
        ReviewQueue.Queue due = queue.build(user, now, zone, 0, props.inbox().maxCards(), java.time.Duration.ZERO);
        if (due.cards().isEmpty()) {
            return false;
        }
        int claimed = jdbc.sql("""
                        insert into srs_inbox_sent (user_id, local_date, card_count) values (:user, :day, :count)
                        on conflict do nothing
                        """)
                .param("user", user)
                .param("day", Date.valueOf(day))
                .param("count", due.cards().size())
                .update();
        if (claimed == 0) {
            return false;
        }
        Instant expiresAt = day.plusDays(2).atStartOfDay(zone).toInstant();
        List<CardsDue.DueCard> out = new ArrayList<>();
        for (Card c : due.cards()) {
            List<CardsDue.GradeLink> grades = new ArrayList<>();
            for (int rating = 1; rating <= 4; rating++) {
                String token = links.token(new GradeLinks.Grade(c.id(), user, rating, day, expiresAt));
                String url = props.inbox()
                        .publicBaseUrl()
                        .resolve("/api/v1/srs/grade-links/" + token)
                        .toString();
                grades.add(new CardsDue.GradeLink(rating, LABELS[rating - 1], url));
            }
            out.add(new CardsDue.DueCard(c.id(), abbreviate(c.front()), grades));
        }
        events.publish(user.toString(), new CardsDue(user, day, due.dueCount(), out, expiresAt));
        return true;
    }

    /** Records the grade of a link click (see the class comment for what a repeated click does). */
    Clicked click(String token) {
        Instant now = clock.instant();
        GradeLinks.Grade g = links.verify(token, now);
        return tx.execute(status -> {
            int first = jdbc.sql("""
                            insert into srs_grade_link_use (card_id, local_date, user_id, rating, used_at)
                            values (:card, :day, :user, :rating, :now) on conflict do nothing
                            """)
                    .param("card", g.cardId())
                    .param("day", Date.valueOf(g.day()))
                    .param("user", g.userId())
                    .param("rating", g.rating())
                    .param("now", Timestamp.from(now))
                    .update();
            if (first == 0) {
                return new Clicked(
                        false, g.cardId(), g.rating(), "This card was already reviewed from this e-mail.", null);
            }
            Card card = cards.lock(g.userId(), g.cardId()).orElseThrow(SrsProblem::cardNotFound);
            ZoneId zone = learners.zoneOf(g.userId());
            Instant endOfToday = LocalDate.ofInstant(now, zone)
                    .plusDays(1)
                    .atStartOfDay(zone)
                    .toInstant();
            if (!card.scheduling().due().isBefore(endOfToday)) {
                return new Clicked(
                        false, g.cardId(), g.rating(), "This card was already reviewed; it is not due today.", null);
            }
            Reviews.Recorded r = reviews.review(g.userId(), g.cardId(), g.rating(), 0, null, Reviews.Via.EMAIL);
            return new Clicked(
                    true,
                    g.cardId(),
                    g.rating(),
                    "Review recorded.",
                    r.card().scheduling().due());
        });
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
