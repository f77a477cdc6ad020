package io.lectern.identity.account;

import io.lectern.platform.web.ProblemException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * Slows down password guessing per address and per client IP with Redis counters. The address key is
 * a hash of what was typed, so unknown addresses are throttled exactly like known ones (no
 * enumeration through 429s) and no address sits in Redis in clear.
 */
@Component
public class LoginThrottle {

    /** INCR with the window set on the first failure; once over the threshold, (re)set an exponential lock. */
    private static final String FAIL = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local over = n - tonumber(ARGV[2])
            if over >= 0 then
              local lock = tonumber(ARGV[3]) * (2 ^ math.min(over, 20))
              if lock > tonumber(ARGV[4]) then lock = tonumber(ARGV[4]) end
              redis.call('SET', KEYS[2], '1', 'PX', math.floor(lock))
            end
            return n
            """;

    private final RedisClient redis;
    private final AccountProperties.Throttle props;
    private final String prefix;

    LoginThrottle(
            RedisClient redis,
            AccountProperties properties,
            @Value("${lectern.events.namespace:lectern}") String namespace) {
        this.redis = redis;
        this.props = properties.throttle();
        this.prefix = namespace + ":identity:login:";
    }

    /** Refuses with 429 and Retry-After while the address or the client is locked out. */
    public void check(String email, String ip) {
        long wait = Math.max(remaining(lockKey("acct", accountId(email))), remaining(lockKey("ip", ip)));
        if (wait > 0) {
            throw new ProblemException(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "Too many attempts",
                            "Too many failed sign-ins. Try again later.")
                    .header("Retry-After", String.valueOf(Math.max(1, (wait + 999) / 1000)));
        }
    }

    public void recordFailure(String email, String ip) {
        fail("acct", accountId(email), props.accountThreshold());
        fail("ip", ip, props.ipThreshold());
    }

    public void recordSuccess(String email) {
        String id = accountId(email);
        redis.del(countKey("acct", id));
    }

    private void fail(String kind, String id, int threshold) {
        redis.eval(
                FAIL,
                List.of(countKey(kind, id), lockKey(kind, id)),
                List.of(
                        String.valueOf(props.window().toMillis()),
                        String.valueOf(threshold),
                        String.valueOf(props.baseLock().toMillis()),
                        String.valueOf(props.maxLock().toMillis())));
    }

    private long remaining(String key) {
        // -2: no lock; -1: a lock without expiry, which this class never sets
        long ttl = redis.pttl(key);
        return ttl < 0 ? 0 : ttl;
    }

    private String countKey(String kind, String id) {
        return prefix + kind + ":fails:" + id;
    }

    private String lockKey(String kind, String id) {
        return prefix + kind + ":lock:" + id;
    }

    private static String accountId(String email) {
        return Secrets.sha256Hex(Emails.normalize(email));
    }
}
