package io.lectern.gateway.cache;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the gateway keeps of the public read answers, and what empties it.
 *
 * @param paths GET/HEAD paths whose anonymous answers may be kept: only those whose service publishes
 *     a message on one of the {@code channels} for every change to them (content's read endpoints, and
 *     the web app's public pages, which it announces after it has expired its own copies)
 * @param writeRoutes ids of the service's routes in the gateway's route table: a request with any other
 *     method to one of their paths empties the cache when its answer starts (the writer's next read
 *     sees the write without waiting for the message)
 * @param harmlessWrites writes on those routes that change nothing the kept answers say
 * @param channels Redis pub/sub channels the services announce changes on: a message on any of them
 *     empties the cache, which serves only while subscribed to all of them
 * @param sharedCookies cookies that say nothing about who the reader is (the CSRF token): a request
 *     carrying any other cookie may be a signed-in reader's, and is always passed on
 * @param maxTtl an answer is kept at most this long, or its own {@code max-age}/{@code s-maxage} if
 *     shorter: the bound on staleness should a change message be lost on its way
 * @param maxEntries and {@code maxBytes} bound memory: when a new answer passes either, other entries
 *     are dropped until it fits
 * @param maxEntryBytes a larger answer is passed on and not kept
 * @param resubscribeDelay between attempts to subscribe while Redis cannot be reached
 */
@ConfigurationProperties("lectern.gateway.public-cache")
public record PublicCacheProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue List<String> paths,
        @DefaultValue List<String> writeRoutes,
        @DefaultValue List<String> harmlessWrites,
        @DefaultValue("lectern:content:read-changed") List<String> channels,
        @DefaultValue List<String> sharedCookies,
        @DefaultValue("30s") Duration maxTtl,
        @DefaultValue("512") int maxEntries,
        @DefaultValue("8MB") DataSize maxBytes,
        @DefaultValue("256KB") DataSize maxEntryBytes,
        @DefaultValue("2s") Duration resubscribeDelay) {}
