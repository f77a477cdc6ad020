package io.lectern.learning.srs;

import io.lectern.learning.post.PostView;
import io.lectern.learning.post.Posts;
import io.lectern.learning.srs.Card.CardKind;
import io.lectern.learning.srs.Card.CardOrigin;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other learning features ask of spaced repetition: cards made from wrong quiz answers ("add my
 * mistakes to review"), and how well a reader still remembers a set of posts (for the Retained
 * certificate).
 */
@Component
public class ReviewIntake {

    /** One wrong answer: {@code key} identifies the question, so the same mistake never makes two cards. */
    public record Mistake(
            String key,
            String front,
            String back,
            UUID postId,
            @Nullable String anchor) {}

    /** How well the reader remembers some posts: their reviewed cards' mean FSRS retrievability now. */
    public record Memory(int reviewedCards, @Nullable Double averageRetrievability, double desiredRetention) {

        /** At least {@code minCards} reviewed cards, recalled on average at or above the reader's target. */
        public boolean atOrAboveDesiredRetention(int minCards) {
            return reviewedCards >= minCards
                    && averageRetrievability != null
                    && averageRetrievability >= desiredRetention;
        }
    }

    private final Cards cards;
    private final Posts posts;
    private final SrsStats stats;
    private final SrsSettings settings;
    private final Clock clock;

    ReviewIntake(Cards cards, Posts posts, SrsStats stats, SrsSettings settings, Clock clock) {
        this.cards = cards;
        this.posts = posts;
        this.stats = stats;
        this.settings = settings;
        this.clock = clock;
    }

    /** Adds a basic card per mistake the reader does not have yet; returns how many were added. */
    @Transactional
    public int addMistakes(UUID userId, List<Mistake> mistakes) {
        int added = 0;
        for (Mistake m : mistakes) {
            Optional<PostView> post = posts.find(m.postId());
            String anchor = m.anchor();
            String sourceText = null;
            if (post.isPresent() && anchor != null) {
                sourceText = Sections.split(post.get().markdown()).get(anchor);
            }
            if (sourceText == null) {
                anchor = null;
            }
            Optional<Card> card = cards.insert(
                    new Cards.NewCard(
                            userId,
                            CardKind.BASIC,
                            clip(m.front()),
                            clip(m.back()),
                            CardOrigin.QUIZ,
                            null,
                            null,
                            m.postId(),
                            anchor,
                            sourceText,
                            sourceText == null ? null : Sections.hash(sourceText),
                            "quiz:" + m.key()),
                    clock.instant());
            if (card.isPresent()) {
                added++;
            }
        }
        return added;
    }

    public Memory memoryOf(UUID userId, Collection<UUID> postIds) {
        SrsStats.Remembered r = stats.remembered(userId, postIds, clock.instant(), ZoneOffset.UTC);
        return new Memory(
                r.reviewed(), r.averageRetrievability(), settings.of(userId).desiredRetention());
    }

    private static String clip(String text) {
        String t = text.strip();
        return t.length() <= CardFactory.MAX_TEXT ? t : t.substring(0, CardFactory.MAX_TEXT - 1) + "…";
    }
}
