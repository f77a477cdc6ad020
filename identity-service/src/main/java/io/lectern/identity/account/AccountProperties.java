package io.lectern.identity.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account rules. The Argon2id defaults are OWASP's minimum (19 MiB, 2 passes, 1 lane); only tests
 * lower them, and a test checks the production values.
 */
@ConfigurationProperties("lectern.identity.accounts")
public record AccountProperties(
        @DefaultValue("24h") Duration verificationTtl,
        @DefaultValue("1h") Duration resetTtl,
        @DefaultValue Argon2 argon2,
        @DefaultValue Throttle throttle) {

    /**
     * @param maxConcurrent hashes computed at once; each one holds {@code memoryKib} while it runs: native
     *     memory freed afterwards with the native engine, Java heap with the Java one, where this is what
     *     the heap can hold beside the service's own data (one with the 64 MB heap {@code ./lectern} and
     *     compose give identity; twelve at once there ended in OutOfMemoryError)
     * @param maxWait how long a sign-in waits for its turn before it is answered 503 with Retry-After
     * @param engine where hashes are computed: {@code auto} (libargon2 when it loads, else Java),
     *     {@code native} (libargon2 or no start) or {@code java} ({@link Argon2Engine})
     */
    public record Argon2(
            @DefaultValue("16") int saltLength,
            @DefaultValue("32") int hashLength,
            @DefaultValue("1") int parallelism,
            @DefaultValue("19456") int memoryKib,
            @DefaultValue("2") int iterations,
            @DefaultValue("1") int maxConcurrent,
            @DefaultValue("5s") Duration maxWait,
            @DefaultValue("auto") Argon2Engine.Kind engine) {}

    /**
     * Failed sign-ins: once {@code accountThreshold} failures for one address (or {@code ipThreshold}
     * from one client address) fall within {@code window}, further attempts are refused for
     * {@code baseLock}, doubling with each further failure up to {@code maxLock}.
     */
    public record Throttle(
            @DefaultValue("5") int accountThreshold,
            @DefaultValue("20") int ipThreshold,
            @DefaultValue("15m") Duration window,
            @DefaultValue("30s") Duration baseLock,
            @DefaultValue("15m") Duration maxLock) {}
}
