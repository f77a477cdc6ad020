package io.lectern.learning.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lectern.learning.reading}: when a post counts as read.
 *
 * @param readDepthPercent the reader scrolled at least this far (percent of the post)
 * @param minTimeRatio and spent at least this share of the post's reading time (0.3 of a 10-minute post =
 *     3 minutes); skimming to the bottom in seconds does not count
 * @param maxSecondsPerPost a reported time above this is refused as implausible
 */
@ConfigurationProperties("lectern.learning.reading")
public record ReadingProperties(
        @DefaultValue("90") int readDepthPercent,
        @DefaultValue("0.3") double minTimeRatio,
        @DefaultValue("86400") int maxSecondsPerPost) {}
