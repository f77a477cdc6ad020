package io.lectern.content.readcache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public read cache. {@code maxEntries} bounds memory (the cache is emptied when full: keys include
 * the query string, so a client could otherwise grow it without end); {@code maxBodyBytes} keeps very
 * long posts out of it; {@code reconnectDelay} is how long the change listener waits after losing its
 * database connection (the cache is bypassed until it listens again); {@code publicMaxAge} is how long
 * browsers, the gateway and CDNs may keep an anonymous public answer ({@code Cache-Control: public}).
 */
@ConfigurationProperties("lectern.content.read-cache")
public record ReadCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2000") int maxEntries,
        @DefaultValue("524288") int maxBodyBytes,
        @DefaultValue("1s") Duration reconnectDelay,
        @DefaultValue("30s") Duration publicMaxAge) {}
