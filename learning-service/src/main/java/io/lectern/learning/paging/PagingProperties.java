package io.lectern.learning.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lectern.learning.paging}.
 *
 * @param cursorSecret HMAC key that signs paging cursors ({@code LECTERN_LEARNING_CURSOR_SECRET}); at least 32 characters
 * @param maxPageSize the largest page a client may ask for
 */
@ConfigurationProperties("lectern.learning.paging")
public record PagingProperties(
        String cursorSecret, @DefaultValue("100") int maxPageSize) {

    public PagingProperties {
        if (cursorSecret == null || cursorSecret.length() < 32) {
            throw new IllegalArgumentException("lectern.learning.paging.cursor-secret must be at least 32 characters");
        }
    }
}
