package io.lectern.content.analytics;

import io.lectern.content.reaction.ReactionService;
import io.lectern.platform.web.ProblemException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read-only reports over views and reactions, for one validated range of UTC days. */
@Service
class AnalyticsReports {

    private final JdbcClient jdbc;
    private final ViewSalts salts;
    private final AnalyticsProperties props;

    AnalyticsReports(JdbcClient jdbc, ViewSalts salts, AnalyticsProperties props) {
        this.jdbc = jdbc;
        this.salts = salts;
        this.props = props;
    }

    /** Inclusive range of days. */
    record Range(LocalDate from, LocalDate to) {
        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    Range range(@Nullable LocalDate from, @Nullable LocalDate to) {
        LocalDate end = to != null ? to : salts.today();
        LocalDate start = from != null ? from : end.minusDays(props.defaultRangeDays() - 1L);
        if (start.isAfter(end)) {
            throw ProblemException.unprocessable("from (" + start + ") is after to (" + end + ").")
                    .with("field", "from");
        }
        Range range = new Range(start, end);
        if (range.days() > props.maxRangeDays()) {
            throw ProblemException.unprocessable("A report covers at most " + props.maxRangeDays() + " days; " + start
                            + " to " + end + " is " + range.days() + ".")
                    .with("field", "to")
                    .with("maxDays", props.maxRangeDays());
        }
        return range;
    }

    int limit(int requested) {
        if (requested < 1 || requested > props.maxLimit()) {
            throw ProblemException.badRequest("limit must be between 1 and " + props.maxLimit() + ".")
                    .with("field", "limit");
        }
        return requested;
    }

    record DayViews(LocalDate day, long views) {}

    record PostRef(UUID id, String slug, String title) {}

    record ViewsPerDay(
            LocalDate from, LocalDate to, @Nullable PostRef post, long total, List<DayViews> days) {}

    ViewsPerDay viewsPerDay(Range range, @Nullable String postSlug) {
        PostRef post = postSlug == null ? null : post(postSlug);
        List<DayViews> days = jdbc.sql("""
                        select d::date as day, coalesce(v.n, 0) as views
                        from generate_series(:from::date, :to::date, interval '1 day') d
                        left join (select day, count(*) as n from post_view
                                   where day between :from and :to and (:post::uuid is null or post_id = :post)
                                   group by day) v on v.day = d::date
                        order by d
                        """)
                .param("from", range.from())
                .param("to", range.to())
                .param("post", post == null ? null : post.id())
                .query((rs, n) -> new DayViews(rs.getObject("day", LocalDate.class), rs.getLong("views")))
                .list();
        long total = days.stream().mapToLong(DayViews::views).sum();
        return new ViewsPerDay(range.from(), range.to(), post, total, days);
    }

    private PostRef post(String slug) {
        return jdbc.sql("select id, slug, title from post where slug = :slug")
                .param("slug", slug)
                .query((rs, n) ->
                        new PostRef(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title")))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Post " + slug));
    }

    record PostViews(UUID id, String slug, String title, long views) {}

    record TopPosts(LocalDate from, LocalDate to, List<PostViews> items) {}

    TopPosts topPosts(Range range, int limit) {
        List<PostViews> items = jdbc.sql("""
                        select p.id, p.slug, p.title, count(*) as views
                        from post_view v join post p on p.id = v.post_id
                        where v.day between :from and :to
                        group by p.id, p.slug, p.title order by views desc, p.slug limit :limit
                        """)
                .param("from", range.from())
                .param("to", range.to())
                .param("limit", limit)
                .query((rs, n) -> new PostViews(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getLong("views")))
                .list();
        return new TopPosts(range.from(), range.to(), items);
    }

    record ReferrerViews(String host, long views) {}

    /** {@code direct} counts views without an outside referrer (typed address, bookmarks, our own pages). */
    record Referrers(LocalDate from, LocalDate to, long direct, List<ReferrerViews> items) {}

    Referrers referrers(Range range, int limit) {
        List<ReferrerViews> items = jdbc.sql("""
                        select referrer_host, count(*) as views from post_view
                        where day between :from and :to and referrer_host is not null
                        group by referrer_host order by views desc, referrer_host limit :limit
                        """)
                .param("from", range.from())
                .param("to", range.to())
                .param("limit", limit)
                .query((rs, n) -> new ReferrerViews(rs.getString("referrer_host"), rs.getLong("views")))
                .list();
        long direct = jdbc.sql(
                        "select count(*) from post_view where day between :from and :to and referrer_host is null")
                .param("from", range.from())
                .param("to", range.to())
                .query(Long.class)
                .single();
        return new Referrers(range.from(), range.to(), direct, items);
    }

    record PostReactions(UUID id, String slug, String title, long total, Map<ReactionService.Type, Long> byType) {}

    record ReactionTotals(
            LocalDate from,
            LocalDate to,
            long total,
            Map<ReactionService.Type, Long> byType,
            List<PostReactions> topPosts) {}

    /** Reactions given in the range (by when they were given, in UTC), in total and for the most reacted-to posts. */
    ReactionTotals reactions(Range range, int limit) {
        var start = range.from().atStartOfDay().atOffset(ZoneOffset.UTC);
        var end = range.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Map<ReactionService.Type, Long> byType = zeroes();
        jdbc.sql(
                        "select type, count(*) as n from reaction where created_at >= :start and created_at < :end group by type")
                .param("start", start)
                .param("end", end)
                .query(rs -> {
                    byType.put(ReactionService.Type.valueOf(rs.getString("type")), rs.getLong("n"));
                });
        Map<UUID, PostReactions> posts = new LinkedHashMap<>();
        jdbc.sql("""
                        with top as (
                          select post_id, count(*) as total from reaction
                          where created_at >= :start and created_at < :end
                          group by post_id order by total desc, post_id limit :limit)
                        select p.id, p.slug, p.title, top.total, r.type, count(*) as n
                        from top join post p on p.id = top.post_id
                        join reaction r on r.post_id = top.post_id and r.created_at >= :start and r.created_at < :end
                        group by p.id, p.slug, p.title, top.total, r.type
                        order by top.total desc, p.slug, r.type
                        """)
                .param("start", start)
                .param("end", end)
                .param("limit", limit)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String slug = rs.getString("slug");
                    String title = rs.getString("title");
                    long postTotal = rs.getLong("total");
                    posts.computeIfAbsent(id, k -> new PostReactions(k, slug, title, postTotal, zeroes()))
                            .byType()
                            .put(ReactionService.Type.valueOf(rs.getString("type")), rs.getLong("n"));
                });
        long total = byType.values().stream().mapToLong(Long::longValue).sum();
        return new ReactionTotals(range.from(), range.to(), total, byType, new ArrayList<>(posts.values()));
    }

    private static Map<ReactionService.Type, Long> zeroes() {
        Map<ReactionService.Type, Long> m = new EnumMap<>(ReactionService.Type.class);
        for (ReactionService.Type t : ReactionService.Type.values()) {
            m.put(t, 0L);
        }
        return m;
    }
}
