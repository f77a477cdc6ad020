package io.lectern.learning.note;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lectern.learning.notes}.
 *
 * @param maxChars the longest note body (characters)
 * @param maxPerUser notes one user may keep
 */
@ConfigurationProperties("lectern.learning.notes")
public record NoteProperties(
        @DefaultValue("10000") int maxChars,
        @DefaultValue("5000") int maxPerUser) {}
