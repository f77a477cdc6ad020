package io.lectern.learning.srs;

import io.lectern.learning.ai.AiClient;
import io.lectern.learning.post.PostView;
import io.lectern.learning.post.Posts;
import io.lectern.learning.srs.Card.CardKind;
import io.lectern.learning.srs.Card.CardOrigin;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where cards come from: the reader's own (basic or cloze, optionally anchored to a passage of a post),
 * drafts for a post (ai-service, or key sentences locally) that enter the queue only once the reader
 * accepts them, and cards an author attached to a post that a reader adopts.
 */
@Service
class CardFactory {

    static final int MAX_TEXT = 4000;

    record CardInput(
            CardKind kind,
            @Nullable String front,
            @Nullable String back,
            @Nullable String text,
            @Nullable UUID postId,
            @Nullable String anchor,
            @Nullable UUID noteId) {}

    record Draft(
            UUID id,
            UUID postId,
            CardKind kind,
            String front,
            String back,
            @Nullable String anchor,
            String generator) {}

    private final Cards cards;
    private final Posts posts;
    private final AiClient ai;
    private final JdbcClient jdbc;
    private final SrsProperties props;
    private final Clock clock;

    CardFactory(Cards cards, Posts posts, AiClient ai, JdbcClient jdbc, SrsProperties props, Clock clock) {
        this.cards = cards;
        this.posts = posts;
        this.ai = ai;
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    @Transactional
    List<Card> create(UUID userId, CardInput in) {
        Source source = source(in.postId(), in.anchor());
        CardOrigin origin =
                in.noteId() != null ? CardOrigin.NOTE : in.postId() != null ? CardOrigin.PASSAGE : CardOrigin.USER;
        String noteKey = in.noteId() == null ? null : "note:" + in.noteId();
        List<Card> created = new ArrayList<>();
        if (in.kind() == CardKind.CLOZE) {
            String text = required(in.text(), "text");
            if (!Cloze.hasDeletions(text)) {
                throw SrsProblem.invalid("text", "A cloze text needs at least one deletion like {{c1::answer}}.");
            }
            String sibling = noteKey != null ? noteKey : "cloze:" + UUID.randomUUID();
            for (Cloze.Side side : Cloze.cards(text)) {
                created.add(
                        insert(userId, CardKind.CLOZE, side.front(), side.back(), origin, sibling, in, source, null));
            }
        } else {
            String front = required(in.front(), "front");
            String back = required(in.back(), "back");
            created.add(insert(userId, CardKind.BASIC, front, back, origin, noteKey, in, source, null));
        }
        return created;
    }

    /** Drafts for a post: the existing ones, or new ones from ai-service (or key sentences when it is not there). */
    @Transactional
    List<Draft> draftsFor(UUID userId, UUID postId, @Nullable String bearer) {
        PostView post = posts.findVisible(postId).orElseThrow(SrsProblem::postNotFound);
        List<Draft> existing = drafts(userId, postId);
        if (!existing.isEmpty()) {
            return existing;
        }
        int count = props.drafts().count();
        Map<String, String> sections = Sections.split(post.markdown());
        List<Draft> fresh = new ArrayList<>();
        Optional<AiClient.Drafted> drafted = ai.cardDrafts(postId, count, bearer);
        if (drafted.isPresent()) {
            for (AiClient.DraftedCard c : drafted.get().cards()) {
                String anchor = c.anchor() != null && sections.containsKey(c.anchor()) ? c.anchor() : null;
                fresh.add(new Draft(
                        UUID.randomUUID(),
                        postId,
                        CardKind.BASIC,
                        clip(c.front()),
                        clip(c.back()),
                        anchor,
                        drafted.get().generator()));
            }
        } else {
            for (KeySentences.Draft d : KeySentences.drafts(post.markdown(), count)) {
                Cloze.Side side = Cloze.cards(d.clozeText()).get(0);
                fresh.add(new Draft(
                        UUID.randomUUID(),
                        postId,
                        CardKind.CLOZE,
                        side.front(),
                        side.back(),
                        d.anchor(),
                        "key-sentences"));
            }
        }
        for (Draft d : fresh) {
            jdbc.sql("""
                            insert into srs_draft (id, user_id, post_id, kind, front, back, anchor, generator, created_at)
                            values (:id, :user, :post, :kind, :front, :back, :anchor, :generator, :now)
                            """)
                    .param("id", d.id())
                    .param("user", userId)
                    .param("post", postId)
                    .param("kind", d.kind().name())
                    .param("front", d.front())
                    .param("back", d.back())
                    .param("anchor", d.anchor())
                    .param("generator", d.generator())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
        return fresh;
    }

    List<Draft> drafts(UUID userId, UUID postId) {
        return jdbc.sql("""
                        select id, post_id, kind, front, back, anchor, generator from srs_draft
                        where user_id = :user and post_id = :post order by created_at, id
                        """)
                .param("user", userId)
                .param("post", postId)
                .query((rs, n) -> new Draft(
                        rs.getObject("id", UUID.class),
                        rs.getObject("post_id", UUID.class),
                        CardKind.valueOf(rs.getString("kind")),
                        rs.getString("front"),
                        rs.getString("back"),
                        rs.getString("anchor"),
                        rs.getString("generator")))
                .list();
    }

    /** Turns a draft into a card, with the reader's edits if any; the draft goes. */
    @Transactional
    Card accept(UUID userId, UUID draftId, @Nullable String front, @Nullable String back) {
        Draft d = jdbc.sql("""
                        select id, post_id, kind, front, back, anchor, generator from srs_draft
                        where id = :id and user_id = :user for update
                        """)
                .param("id", draftId)
                .param("user", userId)
                .query((rs, n) -> new Draft(
                        rs.getObject("id", UUID.class),
                        rs.getObject("post_id", UUID.class),
                        CardKind.valueOf(rs.getString("kind")),
                        rs.getString("front"),
                        rs.getString("back"),
                        rs.getString("anchor"),
                        rs.getString("generator")))
                .optional()
                .orElseThrow(SrsProblem::draftNotFound);
        String f = front == null ? d.front() : required(front, "front");
        String b = back == null ? d.back() : required(back, "back");
        Source source = source(d.postId(), d.anchor());
        CardInput in = new CardInput(d.kind(), f, b, null, d.postId(), d.anchor(), null);
        Card card = insert(userId, d.kind(), f, b, CardOrigin.DRAFT, null, in, source, null);
        jdbc.sql("delete from srs_draft where id = :id").param("id", draftId).update();
        return card;
    }

    @Transactional
    void discard(UUID userId, UUID draftId) {
        int deleted = jdbc.sql("delete from srs_draft where id = :id and user_id = :user")
                .param("id", draftId)
                .param("user", userId)
                .update();
        if (deleted == 0) {
            throw SrsProblem.draftNotFound();
        }
    }

    private record Source(@Nullable String text, @Nullable String hash) {}

    private Source source(@Nullable UUID postId, @Nullable String anchor) {
        if (postId == null) {
            if (anchor != null) {
                throw SrsProblem.invalid("anchor", "An anchor needs the postId of its post.");
            }
            return new Source(null, null);
        }
        PostView post = posts.findVisible(postId).orElseThrow(SrsProblem::postNotFound);
        if (anchor == null) {
            return new Source(null, null);
        }
        String text = Sections.split(post.markdown()).get(anchor);
        if (text == null) {
            throw SrsProblem.invalid("anchor", "The post has no section with the anchor '" + anchor + "'.");
        }
        return new Source(text, Sections.hash(text));
    }

    private Card insert(
            UUID userId,
            CardKind kind,
            String front,
            String back,
            CardOrigin origin,
            @Nullable String sibling,
            CardInput in,
            Source source,
            @Nullable String authorKey) {
        return cards.insert(
                        new Cards.NewCard(
                                userId,
                                kind,
                                front,
                                back,
                                origin,
                                sibling,
                                in.noteId(),
                                in.postId(),
                                in.anchor(),
                                source.text(),
                                source.hash(),
                                authorKey),
                        clock.instant())
                .orElseThrow();
    }

    static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw SrsProblem.invalid(field, field + " must not be blank.");
        }
        if (value.length() > MAX_TEXT) {
            throw SrsProblem.invalid(field, field + " must be at most " + MAX_TEXT + " characters.");
        }
        return value.strip();
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }
}
