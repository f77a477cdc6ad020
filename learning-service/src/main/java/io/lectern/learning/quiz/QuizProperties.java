package io.lectern.learning.quiz;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Quiz sizes, the pass mark and how long an attempt may stay open before it can no longer be submitted. */
@ConfigurationProperties("lectern.learning.quiz")
public record QuizProperties(
        @DefaultValue("5") int questionsPerPost,
        @DefaultValue("10") int questionsPerSeries,
        @DefaultValue("0.7") double passScore,
        @DefaultValue("1h") Duration attemptTtl,
        @DefaultValue("20") int leaderboardSize) {}
