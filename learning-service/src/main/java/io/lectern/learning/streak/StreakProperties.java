package io.lectern.learning.streak;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lectern.learning.streak}.
 *
 * @param maxFreezes freezes a user can hold at once
 * @param freezeEvery a freeze is earned every this many consecutive study days
 * @param settleInterval how often the keeper looks for streaks with a missed day (uses freezes or ends them)
 */
@ConfigurationProperties("lectern.learning.streak")
public record StreakProperties(
        @DefaultValue("2") int maxFreezes,
        @DefaultValue("7") int freezeEvery,
        @DefaultValue("15m") Duration settleInterval) {}
