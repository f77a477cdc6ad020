package io.lectern.content.comment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("lectern.content.comments")
public record CommentProperties(
        @DefaultValue("4000") int maxChars,
        @DefaultValue("8") int maxDepth) {}
