package io.lectern.ai.embedding;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Query embeddings cached in Redis for a few minutes (the same question asked again, a search page
 * refreshed, a follow-up), keyed by model and the normalised text. Redis being down only costs the
 * embedding time.
 */
public final class QueryEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(QueryEmbeddings.class);

    private final Embedder embedder;
    private final RedisClient redis;
    private final String prefix;
    private final Duration ttl;

    public QueryEmbeddings(Embedder embedder, RedisClient redis, String namespace, Duration ttl) {
        this.embedder = embedder;
        this.redis = redis;
        this.prefix = namespace + ":ai:query-embedding:" + embedder.model() + ":";
        this.ttl = ttl;
    }

    public Embedder embedder() {
        return embedder;
    }

    public float[] embed(String query) {
        String normalized = query.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String key = prefix + sha256(normalized);
        try {
            String cached = redis.get(key);
            if (cached != null) {
                return decode(cached);
            }
        } catch (RuntimeException e) {
            log.debug("query embedding cache unavailable: {}", e.toString());
        }
        float[] v = embedder.embed(normalized);
        try {
            redis.set(key, encode(v), SetParams.setParams().px(ttl.toMillis()));
        } catch (RuntimeException e) {
            log.debug("query embedding cache unavailable: {}", e.toString());
        }
        return v;
    }

    /** Whether the cache holds this query now (for tests and the benchmark). */
    public boolean cached(String query) {
        String normalized = query.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return redis.exists(prefix + sha256(normalized));
    }

    private static String encode(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * 4);
        for (float f : v) {
            buf.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }

    private static float[] decode(String s) {
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(s));
        float[] v = new float[buf.remaining() / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = buf.getFloat();
        }
        return v;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
