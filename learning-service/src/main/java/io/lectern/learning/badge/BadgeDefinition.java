package io.lectern.learning.badge;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One badge, declared in configuration ({@code lectern.learning.badges.definitions}).
 *
 * @param id stable id (stored with the grant, used as a title)
 * @param counter the counter it is judged on: {@code rule:<xp rule>} (awards of that rule), {@code xp},
 *     {@code level}, {@code streak} (current), {@code longest-streak}, or any counter a feature sets
 * @param threshold the counter value that earns it; a repeatable badge is earned again at every multiple
 * @param repeatable earned once per multiple of {@code threshold} ({@code times} counts them)
 * @param revocable taken away again when the counter drops below the threshold (e.g. a live streak)
 * @param milestone shown as a milestone (first post read, first series, ...) rather than a badge
 */
public record BadgeDefinition(
        String id,
        String name,
        String description,
        Tier tier,
        String counter,
        long threshold,
        @DefaultValue("false") boolean repeatable,
        @DefaultValue("false") boolean revocable,
        @DefaultValue("false") boolean milestone) {

    public enum Tier {
        BRONZE,
        SILVER,
        GOLD
    }

    public BadgeDefinition {
        if (threshold < 1) {
            throw new IllegalArgumentException("badge " + id + ": threshold must be >= 1");
        }
        if (repeatable && revocable) {
            throw new IllegalArgumentException("badge " + id + ": a repeatable badge cannot be revocable");
        }
    }

    /** How many times a counter value earns this badge (0 or 1 unless repeatable). */
    long timesFor(long value) {
        if (value < threshold) {
            return 0;
        }
        return repeatable ? value / threshold : 1;
    }
}
