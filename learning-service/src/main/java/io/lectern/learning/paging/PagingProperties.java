package io.lectern.learning.paging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lectern.learning.paging}.
 *
 * @param cursorSecret HMAC key that signs paging cursors ({@code LECTERN_LEARNING_CURSOR_SECRET}); empty: a key
 *     derived from the seal key ({@code Sealer.derive}); when set, at least 32 characters and never a published value
 * @param maxPageSize the largest page a client may ask for
 */
@ConfigurationProperties("lectern.learning.paging")
public record PagingProperties(
        @DefaultValue("") String cursorSecret,
        @DefaultValue("100") int maxPageSize) {}
