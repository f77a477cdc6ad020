package io.lectern.content.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics limits. {@code maxRangeDays} bounds one report (a range is a full scan of its days'
 * views); {@code defaultRangeDays} is used when a report is asked for without dates.
 */
@ConfigurationProperties("lectern.content.analytics")
public record AnalyticsProperties(
        @DefaultValue("366") int maxRangeDays,
        @DefaultValue("30") int defaultRangeDays,
        @DefaultValue("100") int maxLimit) {}
