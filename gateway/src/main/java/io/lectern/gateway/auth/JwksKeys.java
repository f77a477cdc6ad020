package io.lectern.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * identity-service's signing keys, read from its JWKS and kept in memory. Re-read on a schedule (so a
 * withdrawn key stops being trusted) and when a token names a key we have not seen (so a rotated key
 * works at once), but never more often than the minimum interval, and only one read at a time.
 */
public final class JwksKeys implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JwksKeys.class);

    private final String uri;
    private final Duration minRefreshInterval;
    private final HttpClient http;
    private volatile Map<String, RSASSAVerifier> verifiers = Map.of();
    private volatile long lastAttemptNanos =
            System.nanoTime() - Duration.ofDays(1).toNanos();
    private final AtomicReference<@Nullable Mono<Map<String, RSASSAVerifier>>> inFlight = new AtomicReference<>();
    private final Disposable schedule;

    public JwksKeys(String uri, Duration refreshInterval, Duration minRefreshInterval, Duration timeout) {
        this.uri = uri;
        this.minRefreshInterval = minRefreshInterval;
        this.http = HttpClient.create().responseTimeout(timeout);
        this.schedule = Flux.interval(Duration.ZERO, refreshInterval)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(e -> Mono.empty()))
                .subscribe();
    }

    /** The verifier for {@code kid} if we know it now; cheap, never waits. */
    @Nullable
    RSASSAVerifier known(String kid) {
        return verifiers.get(kid);
    }

    boolean stillPublished(String kid) {
        return verifiers.containsKey(kid);
    }

    /** The verifier for {@code kid}, re-reading the key set first if it is unknown and we may. */
    Mono<RSASSAVerifier> lookup(String kid) {
        RSASSAVerifier verifier = verifiers.get(kid);
        if (verifier != null) {
            return Mono.just(verifier);
        }
        if (System.nanoTime() - lastAttemptNanos < minRefreshInterval.toNanos()) {
            return Mono.empty();
        }
        return refresh().onErrorResume(e -> Mono.just(verifiers)).mapNotNull(keys -> keys.get(kid));
    }

    private Mono<Map<String, RSASSAVerifier>> refresh() {
        Mono<Map<String, RSASSAVerifier>> running = inFlight.get();
        if (running != null) {
            return running;
        }
        Mono<Map<String, RSASSAVerifier>> fetch = Mono.defer(() -> {
                    lastAttemptNanos = System.nanoTime();
                    return http.get()
                            .uri(uri)
                            .responseSingle(
                                    (response, body) -> response.status().code() == 200
                                            ? body.asString()
                                            : Mono.error(new IllegalStateException("JWKS answered "
                                                    + response.status().code())));
                })
                .map(JwksKeys::parse)
                .doOnNext(keys -> {
                    if (!keys.keySet().equals(verifiers.keySet())) {
                        log.info("JWKS now has keys {}", keys.keySet());
                    }
                    verifiers = keys;
                })
                .doOnError(e -> log.warn("Could not read JWKS from {}: {}", uri, e.toString()))
                .doFinally(signal -> inFlight.set(null))
                .cache();
        return inFlight.compareAndSet(null, fetch) ? fetch : refresh();
    }

    /** Only RSA signing keys meant for RS256 (or unlabelled) are taken; anything else is ignored. */
    static Map<String, RSASSAVerifier> parse(String json) {
        try {
            Map<String, RSASSAVerifier> keys = new HashMap<>();
            for (JWK jwk : JWKSet.parse(json).getKeys()) {
                if (!(jwk instanceof RSAKey rsa) || jwk.getKeyID() == null) {
                    continue;
                }
                if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                    continue;
                }
                if (jwk.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(jwk.getAlgorithm())) {
                    continue;
                }
                keys.put(jwk.getKeyID(), new RSASSAVerifier(rsa.toRSAPublicKey()));
            }
            return Map.copyOf(keys);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("JWKS is not a valid key set", e);
        }
    }

    @Override
    public void close() {
        schedule.dispose();
    }
}
