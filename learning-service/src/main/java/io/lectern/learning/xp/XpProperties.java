package io.lectern.learning.xp;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lectern.learning.xp}: which action is worth how many points, and the level curve.
 *
 * @param rules points per rule name ({@code post-read: 10}); a rule must be listed here to be awarded
 * @param levelStep the curve's step: level {@code n} needs {@code levelStep * n * (n - 1) / 2} XP in total,
 *     so with 100 the thresholds are 0, 100, 300, 600, 1000, 1500, ... (each level 100 more than the last)
 */
@ConfigurationProperties("lectern.learning.xp")
public record XpProperties(
        Map<String, Integer> rules, @DefaultValue("100") int levelStep) {

    public XpProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        if (levelStep < 1) {
            throw new IllegalArgumentException("lectern.learning.xp.level-step must be positive");
        }
        rules.forEach((rule, points) -> {
            if (points == null || points < 0) {
                throw new IllegalArgumentException("lectern.learning.xp.rules." + rule + " must be >= 0");
            }
        });
    }
}
