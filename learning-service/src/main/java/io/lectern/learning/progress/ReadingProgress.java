package io.lectern.learning.progress;

import io.lectern.contracts.events.learning.PostRead;
import io.lectern.contracts.events.learning.SeriesCompleted;
import io.lectern.eventbus.EventPublisher;
import io.lectern.learning.post.PostSummary;
import io.lectern.learning.post.PostView;
import io.lectern.learning.post.Posts;
import io.lectern.learning.problem.LearningProblem;
import io.lectern.learning.series.SeriesCatalog;
import io.lectern.learning.series.SeriesView;
import io.lectern.learning.streak.Activity;
import io.lectern.learning.xp.AwardResult;
import io.lectern.learning.xp.XpLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading progress. The client reports depth and time as it reads; both are kept as maxima, so updates
 * are idempotent and may arrive in any order. A post counts as read once the reader passed
 * {@code read-depth-percent} of it in at least {@code min-time-ratio} of its reading time; the first
 * time that happens earns XP ({@code post-read}, keyed by the post, so never twice), counts the day for
 * the streak, publishes {@code PostRead} and may complete a series.
 */
@Component
class ReadingProgress {

    static final String POST_READ = "post-read";
    static final String SERIES_COMPLETED = "series-completed";

    private final JdbcClient jdbc;
    private final Posts posts;
    private final SeriesCatalog series;
    private final XpLedger ledger;
    private final Activity activity;
    private final EventPublisher events;
    private final ReadingProperties props;
    private final Clock clock;

    ReadingProgress(
            JdbcClient jdbc,
            Posts posts,
            SeriesCatalog series,
            XpLedger ledger,
            Activity activity,
            EventPublisher events,
            ReadingProperties props,
            Clock clock) {
        this.jdbc = jdbc;
        this.posts = posts;
        this.series = series;
        this.ledger = ledger;
        this.activity = activity;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    @Transactional
    public ReadingResponse update(UUID userId, UUID postId, ReadingUpdate update) {
        Double depth = update.depthPercent();
        Integer seconds = update.secondsSpent();
        if (depth == null && seconds == null) {
            throw LearningProblem.invalidField("depthPercent", "Send depthPercent and/or secondsSpent.");
        }
        if (depth != null && (depth.isNaN() || depth < 0 || depth > 100)) {
            throw LearningProblem.invalidField("depthPercent", "depthPercent must be between 0 and 100.");
        }
        if (seconds != null && (seconds < 0 || seconds > props.maxSecondsPerPost())) {
            throw LearningProblem.invalidField(
                    "secondsSpent", "secondsSpent must be between 0 and " + props.maxSecondsPerPost() + ".");
        }
        PostView post = visible(postId);
        Instant now = clock.instant();
        Row row = jdbc.sql("""
                        insert into reading_progress (user_id, post_id, depth, seconds_spent, first_seen_at, last_seen_at)
                        values (:user, :post, :depth, :seconds, :now, :now)
                        on conflict (user_id, post_id) do update set
                            depth = greatest(reading_progress.depth, excluded.depth),
                            seconds_spent = greatest(reading_progress.seconds_spent, excluded.seconds_spent),
                            last_seen_at = greatest(reading_progress.last_seen_at, excluded.last_seen_at)
                        returning depth, seconds_spent, read, manual, read_at, earned_at
                        """)
                .param("user", userId)
                .param("post", postId)
                .param("depth", depth == null ? 0.0 : depth)
                .param("seconds", seconds == null ? 0 : seconds)
                .param("now", Timestamp.from(now))
                .query(ReadingProgress::row)
                .single();
        boolean qualifies = row.depth() >= props.readDepthPercent()
                && row.seconds() >= Math.ceil(post.readingMinutes() * 60 * props.minTimeRatio());
        if (!qualifies) {
            return row.response(postId, false, 0);
        }
        boolean firstTime = row.earnedAt() == null;
        row = jdbc.sql("""
                        update reading_progress set read = true, manual = false,
                            read_at = case when read and not manual then read_at else :now end,
                            earned_at = coalesce(earned_at, :now)
                        where user_id = :user and post_id = :post
                        returning depth, seconds_spent, read, manual, read_at, earned_at
                        """)
                .param("user", userId)
                .param("post", postId)
                .param("now", Timestamp.from(now))
                .query(ReadingProgress::row)
                .single();
        if (!firstTime) {
            return row.response(postId, false, 0);
        }
        AwardResult award = ledger.award(userId, POST_READ, postId.toString(), now);
        activity.record(userId, now);
        events.publish(userId.toString(), new PostRead(userId, postId, post.slug(), post.seriesId(), now));
        completeSeries(userId, post, now);
        return row.response(postId, true, award.points());
    }

    /** Marks a post read by hand: it counts for progress but earns nothing and completes no series. */
    @Transactional
    public ReadingResponse markRead(UUID userId, UUID postId) {
        visible(postId);
        Instant now = clock.instant();
        Row row = jdbc.sql("""
                        insert into reading_progress (user_id, post_id, read, manual, read_at, first_seen_at, last_seen_at)
                        values (:user, :post, true, true, :now, :now, :now)
                        on conflict (user_id, post_id) do update set
                            manual = case when reading_progress.read then reading_progress.manual else true end,
                            read_at = case when reading_progress.read then reading_progress.read_at else excluded.read_at end,
                            read = true, last_seen_at = greatest(reading_progress.last_seen_at, excluded.last_seen_at)
                        returning depth, seconds_spent, read, manual, read_at, earned_at
                        """)
                .param("user", userId)
                .param("post", postId)
                .param("now", Timestamp.from(now))
                .query(ReadingProgress::row)
                .single();
        return row.response(postId, false, 0);
    }

    /** Marks a post unread; the XP it earned stays (the ledger is append-only) and is not earned again. */
    @Transactional
    public ReadingResponse markUnread(UUID userId, UUID postId) {
        if (posts.find(postId).isEmpty()) {
            throw LearningProblem.unknown("postId", "Post " + postId);
        }
        return jdbc.sql("""
                        update reading_progress set read = false, manual = false, read_at = null
                        where user_id = :user and post_id = :post
                        returning depth, seconds_spent, read, manual, read_at, earned_at
                        """)
                .param("user", userId)
                .param("post", postId)
                .query(ReadingProgress::row)
                .optional()
                .map(r -> r.response(postId, false, 0))
                .orElse(new ReadingResponse(postId, 0, 0, false, false, null, false, 0));
    }

    @Transactional(readOnly = true)
    public Optional<ReadingResponse> of(UUID userId, UUID postId) {
        return jdbc.sql("""
                        select depth, seconds_spent, read, manual, read_at, earned_at from reading_progress
                        where user_id = :user and post_id = :post
                        """)
                .param("user", userId)
                .param("post", postId)
                .query(ReadingProgress::row)
                .optional()
                .map(r -> r.response(postId, false, 0));
    }

    @Transactional(readOnly = true)
    public SeriesProgressResponse seriesProgress(UUID userId, UUID seriesId) {
        SeriesView s = series.find(seriesId)
                .filter(v -> !v.deleted())
                .orElseThrow(() -> LearningProblem.unknown("seriesId", "Series " + seriesId));
        return progressOf(userId, s);
    }

    /** Series the reader has started (read or opened at least one post), most recent first. */
    @Transactional(readOnly = true)
    public List<SeriesProgressResponse> startedSeries(UUID userId) {
        List<UUID> ids = jdbc.sql("""
                        select s.id from series s
                        join reading_progress r on r.post_id = any(s.post_ids) and r.user_id = :user
                        where not s.deleted
                        group by s.id order by max(r.last_seen_at) desc limit 50
                        """).param("user", userId).query(UUID.class).list();
        List<SeriesProgressResponse> out = new ArrayList<>();
        for (UUID id : ids) {
            series.find(id).ifPresent(s -> out.add(progressOf(userId, s)));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public ContinueReadingResponse continueReading(UUID userId) {
        Optional<ContinueReadingResponse> inProgress = jdbc.sql("""
                        select r.post_id, r.depth from reading_progress r join post p on p.id = r.post_id
                        where r.user_id = :user and not r.read and p.published and not p.deleted and r.depth > 0
                        order by r.last_seen_at desc limit 1
                        """)
                .param("user", userId)
                .query((rs, n) -> inProgress(rs))
                .optional()
                .flatMap(e -> posts.findVisible(e.postId())
                        .map(p -> new ContinueReadingResponse(summary(p), "IN_PROGRESS", e.depth(), p.seriesId())));
        if (inProgress.isPresent()) {
            return inProgress.get();
        }
        List<UUID> recentSeries =
                jdbc.sql("""
                        select s.id from series s
                        join reading_progress r on r.post_id = any(s.post_ids) and r.user_id = :user and r.read
                        where not s.deleted
                        group by s.id order by max(r.last_seen_at) desc limit 5
                        """).param("user", userId).query(UUID.class).list();
        for (UUID id : recentSeries) {
            Optional<SeriesView> s = series.find(id);
            if (s.isPresent()) {
                SeriesProgressResponse p = progressOf(userId, s.get());
                if (p.nextPost() != null) {
                    return new ContinueReadingResponse(p.nextPost(), "NEXT_IN_SERIES", 0, id);
                }
            }
        }
        return new ContinueReadingResponse(null, null, 0, null);
    }

    @Transactional(readOnly = true)
    public ProgressSummaryResponse summary(UUID userId) {
        record Totals(long read, long seconds, @Nullable Instant lastReadAt) {}
        Totals t = jdbc.sql("""
                        select count(*) filter (where read) as read, coalesce(sum(seconds_spent), 0) as seconds,
                               max(read_at) as last_read_at
                        from reading_progress where user_id = :user
                        """)
                .param("user", userId)
                .query((rs, n) -> {
                    Timestamp last = rs.getTimestamp("last_read_at");
                    return new Totals(
                            rs.getLong("read"), rs.getLong("seconds"), last == null ? null : last.toInstant());
                })
                .single();
        long published = jdbc.sql("select count(*) from post where published and not deleted")
                .query(Long.class)
                .single();
        long readPublished =
                jdbc.sql("""
                        select count(*) from reading_progress r join post p on p.id = r.post_id
                        where r.user_id = :user and r.read and p.published and not p.deleted
                        """).param("user", userId).query(Long.class).single();
        long completed = jdbc.sql("select count(*) from series_completion where user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        List<ProgressSummaryResponse.PostProgressItem> recent = jdbc.sql("""
                        select r.post_id, p.slug, p.title, r.depth, r.read, r.last_seen_at
                        from reading_progress r join post p on p.id = r.post_id
                        where r.user_id = :user and p.published and not p.deleted
                        order by r.last_seen_at desc limit 10
                        """)
                .param("user", userId)
                .query((rs, n) -> new ProgressSummaryResponse.PostProgressItem(
                        rs.getObject("post_id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getDouble("depth"),
                        rs.getBoolean("read"),
                        rs.getTimestamp("last_seen_at").toInstant()))
                .list();
        int percent = published == 0 ? 0 : (int) Math.floor(100.0 * readPublished / published);
        return new ProgressSummaryResponse(
                t.read(), published, percent, t.seconds(), t.lastReadAt(), completed, recent);
    }

    private void completeSeries(UUID userId, PostView post, Instant now) {
        Set<SeriesView> candidates = new LinkedHashSet<>(series.containing(post.id()));
        if (post.seriesId() != null) {
            series.find(post.seriesId()).filter(s -> !s.deleted()).ifPresent(candidates::add);
        }
        for (SeriesView s : candidates) {
            List<PostSummary> visible = posts.visibleIn(s.postIds());
            if (visible.isEmpty()) {
                continue;
            }
            long earned = jdbc.sql("""
                            select count(*) from reading_progress
                            where user_id = :user and post_id = any(:posts) and earned_at is not null
                            """)
                    .param("user", userId)
                    .param("posts", visible.stream().map(PostSummary::id).toArray(UUID[]::new))
                    .query(Long.class)
                    .single();
            if (earned < visible.size()) {
                continue;
            }
            boolean first = jdbc.sql("""
                                    insert into series_completion (user_id, series_id, completed_at) values (:user, :series, :now)
                                    on conflict do nothing
                                    """)
                            .param("user", userId)
                            .param("series", s.id())
                            .param("now", Timestamp.from(now))
                            .update()
                    > 0;
            if (first) {
                ledger.award(userId, SERIES_COMPLETED, s.id().toString(), now);
                events.publish(
                        userId.toString(),
                        new SeriesCompleted(userId, s.id(), s.slug(), s.title(), visible.size(), now));
            }
        }
    }

    private SeriesProgressResponse progressOf(UUID userId, SeriesView s) {
        List<PostSummary> visible = posts.visibleIn(s.postIds());
        Set<UUID> read = new java.util.HashSet<>(jdbc.sql("""
                        select post_id from reading_progress where user_id = :user and post_id = any(:posts) and read
                        """)
                .param("user", userId)
                .param("posts", s.postIds().toArray(UUID[]::new))
                .query(UUID.class)
                .list());
        int readCount =
                (int) visible.stream().filter(p -> read.contains(p.id())).count();
        PostSummary next =
                visible.stream().filter(p -> !read.contains(p.id())).findFirst().orElse(null);
        Instant completedAt = jdbc.sql(
                        "select completed_at from series_completion where user_id = :user and series_id = :series")
                .param("user", userId)
                .param("series", s.id())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
        int percent = visible.isEmpty() ? 0 : (int) Math.floor(100.0 * readCount / visible.size());
        return new SeriesProgressResponse(
                s.id(),
                s.slug(),
                s.title(),
                visible.size(),
                readCount,
                percent,
                next,
                completedAt != null,
                completedAt);
    }

    private PostView visible(UUID postId) {
        return posts.findVisible(postId).orElseThrow(() -> LearningProblem.unknown("postId", "Post " + postId));
    }

    private static PostSummary summary(PostView p) {
        return new PostSummary(
                p.id(), p.slug(), p.title(), p.excerpt(), p.seriesId(), p.readingMinutes(), p.premium(), p.visible());
    }

    private static InProgress inProgress(ResultSet rs) throws SQLException {
        return new InProgress(rs.getObject("post_id", UUID.class), rs.getDouble("depth"));
    }

    private record InProgress(UUID postId, double depth) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        Timestamp earnedAt = rs.getTimestamp("earned_at");
        return new Row(
                rs.getDouble("depth"),
                rs.getInt("seconds_spent"),
                rs.getBoolean("read"),
                rs.getBoolean("manual"),
                readAt == null ? null : readAt.toInstant(),
                earnedAt == null ? null : earnedAt.toInstant());
    }

    private record Row(
            double depth,
            int seconds,
            boolean read,
            boolean manual,
            @Nullable Instant readAt,
            @Nullable Instant earnedAt) {

        ReadingResponse response(UUID postId, boolean justRead, int xp) {
            return new ReadingResponse(postId, depth, seconds, read, manual, readAt, justRead, xp);
        }
    }
}
