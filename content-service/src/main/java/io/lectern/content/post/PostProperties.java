package io.lectern.content.post;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on what an author may submit. Markdown over {@code maxMarkdownChars} is refused with 413
 * (it is the request's size, not its shape, that is wrong); titles and excerpts over their limits with 422.
 */
@ConfigurationProperties("lectern.content.posts")
public record PostProperties(
        @DefaultValue("200000") int maxMarkdownChars,
        @DefaultValue("200") int maxTitleChars,
        @DefaultValue("500") int maxExcerptChars,
        @DefaultValue("280") int autoExcerptChars,
        @DefaultValue("50") int maxPageSize,
        @DefaultValue("10") int maxTags) {}
