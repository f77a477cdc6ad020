package io.lectern.learning.srs;

import io.lectern.learning.post.Posts;
import io.lectern.learning.srs.Card.CardKind;
import io.lectern.learning.srs.SrsResponses.CardResponse;
import io.lectern.learning.srs.SrsResponses.DraftResponse;
import io.lectern.learning.srs.SrsResponses.QueueResponse;
import io.lectern.learning.srs.SrsResponses.RememberedResponse;
import io.lectern.learning.srs.SrsResponses.ReviewLogEntry;
import io.lectern.learning.srs.SrsResponses.ReviewResponse;
import io.lectern.learning.srs.SrsResponses.SettingsResponse;
import io.lectern.learning.srs.SrsResponses.StatsResponse;
import io.lectern.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The reader's spaced-repetition API under {@code /api/v1/srs}. */
@RestController
@Validated
@RequestMapping("/api/v1/srs")
class SrsController {

    private final CardFactory factory;
    private final CardActions actions;
    private final Reviews reviews;
    private final ReviewQueue queue;
    private final SrsSettings settings;
    private final SrsStats stats;
    private final Posts posts;
    private final SrsProperties props;

    SrsController(
            CardFactory factory,
            CardActions actions,
            Reviews reviews,
            ReviewQueue queue,
            SrsSettings settings,
            SrsStats stats,
            Posts posts,
            SrsProperties props) {
        this.factory = factory;
        this.actions = actions;
        this.reviews = reviews;
        this.queue = queue;
        this.settings = settings;
        this.stats = stats;
        this.posts = posts;
        this.props = props;
    }

    record CreateCardRequest(
            @NotNull CardKind kind,
            @Nullable @Size(max = CardFactory.MAX_TEXT) String front,
            @Nullable @Size(max = CardFactory.MAX_TEXT) String back,
            @Nullable @Size(max = CardFactory.MAX_TEXT) String text,
            @Nullable UUID postId,
            @Nullable @Size(max = 200) String anchor,
            @Nullable UUID noteId) {}

    record EditCardRequest(
            @NotNull @Size(max = CardFactory.MAX_TEXT) String front,
            @NotNull @Size(max = CardFactory.MAX_TEXT) String back) {}

    record ReviewRequest(
            @NotNull @Min(1) @Max(4) Integer rating,
            @NotNull @Min(0) @Max(86_400_000) Long durationMs,
            @NotNull Long version) {}

    record SettingsRequest(
            @NotNull @DecimalMin("0.70") @DecimalMax("0.97") Double desiredRetention,
            @NotNull @Min(0) @Max(1000) Integer newPerDay,
            @NotNull @Min(1) @Max(36500) Integer maximumInterval,
            @NotNull Boolean inboxReview) {}

    record AcceptDraftRequest(
            @Nullable @Size(max = CardFactory.MAX_TEXT) String front,
            @Nullable @Size(max = CardFactory.MAX_TEXT) String back) {}

    @GetMapping("/settings")
    SettingsResponse settings() {
        return SettingsResponse.of(settings.of(user()));
    }

    @PutMapping("/settings")
    SettingsResponse saveSettings(@Valid @RequestBody SettingsRequest r) {
        SrsSettings.Settings s =
                new SrsSettings.Settings(r.desiredRetention(), r.newPerDay(), r.maximumInterval(), r.inboxReview());
        settings.save(user(), s);
        return SettingsResponse.of(s);
    }

    @PostMapping("/cards")
    @ResponseStatus(HttpStatus.CREATED)
    List<CardResponse> create(@Valid @RequestBody CreateCardRequest r) {
        return factory
                .create(
                        user(),
                        new CardFactory.CardInput(
                                r.kind(), r.front(), r.back(), r.text(), r.postId(), r.anchor(), r.noteId()))
                .stream()
                .map(CardResponse::of)
                .toList();
    }

    @GetMapping("/cards")
    List<CardResponse> cards(
            @RequestParam(required = false) @Nullable UUID postId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return actions.list(user(), postId, limit, offset).stream()
                .map(CardResponse::of)
                .toList();
    }

    @GetMapping("/cards/{id}")
    CardResponse card(@PathVariable UUID id) {
        return CardResponse.of(reviews.find(user(), id).orElseThrow(SrsProblem::cardNotFound));
    }

    @PutMapping("/cards/{id}")
    CardResponse edit(@PathVariable UUID id, @Valid @RequestBody EditCardRequest r) {
        return CardResponse.of(actions.edit(user(), id, r.front(), r.back()));
    }

    @DeleteMapping("/cards/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        actions.delete(user(), id);
    }

    @PostMapping("/cards/{id}/suspend")
    CardResponse suspend(@PathVariable UUID id) {
        return CardResponse.of(actions.suspend(user(), id, true));
    }

    @PostMapping("/cards/{id}/unsuspend")
    CardResponse unsuspend(@PathVariable UUID id) {
        return CardResponse.of(actions.suspend(user(), id, false));
    }

    @PostMapping("/cards/{id}/bury")
    CardResponse bury(@PathVariable UUID id) {
        return CardResponse.of(actions.bury(user(), id));
    }

    @PostMapping("/cards/{id}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    ReviewResponse review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest r) {
        return ReviewResponse.of(reviews.review(user(), id, r.rating(), r.durationMs(), r.version(), Reviews.Via.APP));
    }

    @GetMapping("/cards/{id}/reviews")
    List<ReviewLogEntry> reviewLog(@PathVariable UUID id) {
        return actions.log(user(), id);
    }

    @PostMapping("/reviews/undo")
    CardResponse undo() {
        return CardResponse.of(reviews.undoLast(user()));
    }

    @GetMapping("/queue")
    QueueResponse queue(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        UUID user = user();
        Instant now = reviews.now();
        ZoneId zone = reviews.zone(user);
        SrsSettings.Settings s = settings.of(user);
        ReviewQueue.Queue q =
                queue.build(user, now, zone, s.newPerDay(), Math.min(limit, props.queueLimit()), props.learnAhead());
        return QueueResponse.of(q, reviews.scheduler(user), now, zone);
    }

    @GetMapping("/stats")
    StatsResponse stats() {
        UUID user = user();
        return StatsResponse.of(stats.overview(user, reviews.now(), reviews.zone(user)));
    }

    @GetMapping("/stats/posts/{postId}")
    RememberedResponse postStats(@PathVariable UUID postId) {
        UUID user = user();
        SrsStats.Remembered r = stats.remembered(user, List.of(postId), reviews.now(), reviews.zone(user));
        return new RememberedResponse("post", postId, r.cards(), r.reviewed(), r.averageRetrievability(), r.dueToday());
    }

    @GetMapping("/stats/series/{seriesId}")
    RememberedResponse seriesStats(@PathVariable UUID seriesId) {
        UUID user = user();
        List<UUID> postIds = actions.postsOfSeries(seriesId);
        SrsStats.Remembered r = stats.remembered(user, postIds, reviews.now(), reviews.zone(user));
        return new RememberedResponse(
                "series", seriesId, r.cards(), r.reviewed(), r.averageRetrievability(), r.dueToday());
    }

    @PostMapping("/posts/{postId}/drafts")
    List<DraftResponse> draft(
            @PathVariable UUID postId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String bearer) {
        return factory.draftsFor(user(), postId, bearer).stream()
                .map(DraftResponse::of)
                .toList();
    }

    @GetMapping("/posts/{postId}/drafts")
    List<DraftResponse> drafts(@PathVariable UUID postId) {
        return factory.drafts(user(), postId).stream().map(DraftResponse::of).toList();
    }

    @PostMapping("/drafts/{id}/accept")
    @ResponseStatus(HttpStatus.CREATED)
    CardResponse accept(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable AcceptDraftRequest r) {
        return CardResponse.of(factory.accept(user(), id, r == null ? null : r.front(), r == null ? null : r.back()));
    }

    @DeleteMapping("/drafts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable UUID id) {
        factory.discard(user(), id);
    }

    static UUID user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt && auth.isAuthenticated()) {
            try {
                return UUID.fromString(jwt.getToken().getSubject());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.unauthorized("The token names no user.");
            }
        }
        throw ProblemException.unauthorized("Authentication is required.");
    }
}
