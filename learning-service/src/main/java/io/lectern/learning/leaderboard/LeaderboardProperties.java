package io.lectern.learning.leaderboard;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lectern.learning.leaderboard}.
 *
 * @param weekZone the zone weekly boards are cut in: a week starts Monday 00:00 there (UTC by default,
 *     so every reader shares one board whatever their own zone)
 * @param weeksKept weekly boards older than this many weeks expire from Redis
 * @param rebuildOnStart rebuild the boards from the ledger at start-up when Redis has lost them
 */
@ConfigurationProperties("lectern.learning.leaderboard")
public record LeaderboardProperties(
        @DefaultValue("UTC") ZoneId weekZone,
        @DefaultValue("5") int weeksKept,
        @DefaultValue("true") boolean rebuildOnStart,
        @DefaultValue("100") int maxTop) {}
