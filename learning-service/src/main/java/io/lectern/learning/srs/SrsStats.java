package io.lectern.learning.srs;

import io.lectern.learning.srs.fsrs.Fsrs;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Statistics over a user's cards and review log, computed in PostgreSQL (a user may hold tens of
 * thousands of cards). Retrievability uses the FSRS-6 forgetting curve with the default decay, over
 * fractional days since the last review.
 */
@Component
class SrsStats {

    record DayCount(LocalDate day, int reviews, int recalled) {}

    record Forecast(LocalDate day, int due) {}

    record Overview(
            List<DayCount> reviewsPerDay,
            @Nullable Double trueRetention30d,
            int matureReviews30d,
            List<Forecast> dueForecast,
            Map<String, Integer> cardsPerState,
            int suspended,
            List<Integer> retrievabilityHistogram) {}

    record Remembered(int cards, int reviewed, @Nullable Double averageRetrievability, int dueToday) {}

    private static final double DECAY = -0.1542;
    private static final double FACTOR = Math.pow(0.9, 1.0 / DECAY) - 1.0;
    private static final String R = """
            power(1 + %s * greatest(extract(epoch from (cast(:now as timestamptz) - last_review)), 0) / 86400.0
                  / stability, %s)""".formatted(FACTOR, DECAY);

    private final JdbcClient jdbc;

    SrsStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
        if (Fsrs.withDefaults().parameters().w(20) != -DECAY) {
            throw new IllegalStateException("stats decay out of step with the FSRS defaults");
        }
    }

    Overview overview(UUID userId, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate from = today.minusDays(29);
        List<DayCount> perDay = jdbc.sql("""
                        select local_date, count(*) as n, count(*) filter (where rating > 1) as ok from srs_review
                        where user_id = :user and local_date between :from and :today
                        group by local_date order by local_date
                        """)
                .param("user", userId)
                .param("from", Date.valueOf(from))
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3)))
                .list();
        record Retention(int total, int recalled) {}
        Retention retention = jdbc.sql("""
                        select count(*), count(*) filter (where rating > 1) from srs_review
                        where user_id = :user and local_date between :from and :today and state_before = 'REVIEW'
                        """)
                .param("user", userId)
                .param("from", Date.valueOf(from))
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Retention(rs.getInt(1), rs.getInt(2)))
                .single();
        Map<LocalDate, Integer> forecastByDay = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            forecastByDay.put(today.plusDays(i), 0);
        }
        jdbc.sql("""
                        select greatest(cast(due at time zone :zone as date), :today) as day, count(*) from srs_card
                        where user_id = :user and not suspended and state <> 'NEW' and due < :until
                        group by 1
                        """)
                .param("user", userId)
                .param("zone", zone.getId())
                .param("today", Date.valueOf(today))
                .param(
                        "until",
                        Timestamp.from(today.plusDays(30).atStartOfDay(zone).toInstant()))
                .query((rs, n) -> forecastByDay.put(rs.getDate(1).toLocalDate(), rs.getInt(2)))
                .list();
        List<Forecast> forecast = forecastByDay.entrySet().stream()
                .map(e -> new Forecast(e.getKey(), e.getValue()))
                .toList();
        Map<String, Integer> perState = new LinkedHashMap<>();
        for (String s : List.of("NEW", "LEARNING", "REVIEW", "RELEARNING")) {
            perState.put(s, 0);
        }
        jdbc.sql("select state, count(*) from srs_card where user_id = :user group by state")
                .param("user", userId)
                .query((rs, n) -> perState.put(rs.getString(1), rs.getInt(2)))
                .list();
        int suspended = jdbc.sql("select count(*) from srs_card where user_id = :user and suspended")
                .param("user", userId)
                .query(Integer.class)
                .single();
        List<Integer> histogram = new ArrayList<>(List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        jdbc.sql("select least(floor(" + R + " * 10), 9)::int as bucket, count(*) from srs_card"
                        + " where user_id = :user and state <> 'NEW' and stability > 0 and last_review is not null"
                        + " group by 1")
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> histogram.set(rs.getInt(1), rs.getInt(2)))
                .list();
        return new Overview(
                perDay,
                retention.total() == 0 ? null : (double) retention.recalled() / retention.total(),
                retention.total(),
                forecast,
                perState,
                suspended,
                histogram);
    }

    /** "How much of this do I still remember": the user's cards of the given posts. */
    Remembered remembered(UUID userId, Collection<UUID> postIds, Instant now, ZoneId zone) {
        if (postIds.isEmpty()) {
            return new Remembered(0, 0, null, 0);
        }
        Instant endOfDay =
                LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
        return jdbc.sql("select count(*), count(*) filter (where state <> 'NEW'),"
                        + " avg(case when state <> 'NEW' and stability > 0 and last_review is not null then " + R
                        + " end), count(*) filter (where state <> 'NEW' and not suspended and due < :endOfDay)"
                        + " from srs_card where user_id = :user and post_id = any(:posts)")
                .param("user", userId)
                .param("posts", postIds.toArray(UUID[]::new))
                .param("now", Timestamp.from(now))
                .param("endOfDay", Timestamp.from(endOfDay))
                .query((rs, n) -> {
                    double avg = rs.getDouble(3);
                    Double average = rs.wasNull() ? null : avg;
                    return new Remembered(rs.getInt(1), rs.getInt(2), average, rs.getInt(4));
                })
                .single();
    }
}
