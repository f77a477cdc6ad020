package io.lectern.notify.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lectern.contracts.events.identity.UserProfileChanged;
import io.lectern.contracts.events.identity.UserRegistered;
import io.lectern.contracts.events.learning.CardsDue;
import io.lectern.notify.NotifyIntegrationTest;
import io.lectern.notify.TestSmtp;
import io.lectern.notify.digest.DigestRun;
import io.lectern.notify.messaging.IdentityEvents;
import io.lectern.notify.recipient.Recipients;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReviewCardsEmailTest extends NotifyIntegrationTest {

    // A day of its own, far from other tests' digest windows; the reader lives in Los Angeles, where other
    // tests' digest runs (09:00 UTC) fall before the digest hour, so this reader never shows up in them.
    private static final Instant DIGEST_AT = Instant.parse("2033-06-14T16:00:00Z");

    @Autowired
    IdentityEvents identity;

    @Autowired
    Recipients recipients;

    @Autowired
    DigestRun run;

    @Autowired
    ReviewCards reviewCards;

    @Test
    void cardsDueArrivingBeforeTheDigestRideInItWithTheirGradeLinksOnceEvenWithoutNewPosts() {
        UUID user = UUID.randomUUID();
        String address = reader(user, "America/Los_Angeles", true);
        CardsDue due = due(user, LocalDate.parse("2033-06-14"), "What does <FSRS> schedule?");

        publishToBus(user.toString(), due);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from review_cards_due where user_id = :u")
                                .param("u", user)
                                .query(Long.class)
                                .single()
                        == 1);
        publishToBus(user.toString(), due); // a second delivery of the same day changes nothing

        assertThat(run.runAt(DIGEST_AT)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> TestSmtp.to(address).size() == 1);
        String digest = TestSmtp.content(TestSmtp.to(address).getFirst());
        assertThat(digest).contains("Due for review today");
        assertThat(digest).contains("What does &lt;FSRS&gt; schedule?");
        for (CardsDue.GradeLink link : due.cards().getFirst().links()) {
            assertThat(digest).contains(link.url());
        }
        assertThat(run.runAt(DIGEST_AT.plus(Duration.ofHours(1)))).isZero();
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(3))
                .until(() -> TestSmtp.to(address).size() == 1);
    }

    @Test
    void aReaderWithoutTheDigestGetsAShortReviewEmailWithTheLinks() {
        UUID user = UUID.randomUUID();
        String address = reader(user, "Europe/Paris", false);
        CardsDue due = due(user, LocalDate.parse("2033-06-15"), "Define retrievability");

        inTx(() -> reviewCards.received(due));
        inTx(() -> reviewCards.received(due));

        await().atMost(Duration.ofSeconds(15)).until(() -> TestSmtp.to(address).size() == 1);
        var message = TestSmtp.to(address).getFirst();
        String text = TestSmtp.content(message);
        assertThat(text).contains("Define retrievability").contains("2 card(s) are due");
        for (CardsDue.GradeLink link : due.cards().getFirst().links()) {
            assertThat(text).contains(link.url());
        }
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(3))
                .until(() -> TestSmtp.to(address).size() == 1);
    }

    private String reader(UUID user, String zone, boolean digest) {
        String address = uniqueAddress("review");
        inTx(() -> {
            identity.onUserRegistered(
                    new UserRegistered(user, address, "Rea", "en", zone, null, Instant.now()),
                    envelope("identity.user-registered.v1", user.toString()));
            identity.onUserProfileChanged(
                    new UserProfileChanged(user, "Rea", null, "en", zone, digest, true, 1),
                    envelope("identity.user-profile-changed.v1", user.toString()));
            recipients.emailVerified(user, address);
        });
        return address;
    }

    private static CardsDue due(UUID user, LocalDate day, String front) {
        UUID card = UUID.randomUUID();
        List<CardsDue.GradeLink> links = List.of(
                new CardsDue.GradeLink(1, "Again", "https://lectern.test/api/v1/srs/grade-links/" + card + ".a1"),
                new CardsDue.GradeLink(2, "Hard", "https://lectern.test/api/v1/srs/grade-links/" + card + ".h2"),
                new CardsDue.GradeLink(3, "Good", "https://lectern.test/api/v1/srs/grade-links/" + card + ".g3"),
                new CardsDue.GradeLink(4, "Easy", "https://lectern.test/api/v1/srs/grade-links/" + card + ".e4"));
        return new CardsDue(
                user,
                day,
                2,
                List.of(new CardsDue.DueCard(card, front, links)),
                day.plusDays(2).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    }
}
