package vn.ocop.identity.login;

import io.lettuce.core.ExpireArgs;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Counts failed logins in Redis ({@code INCR}, then {@code EXPIRE ... NX} so the window starts at the first
 * failure), per account and per client address. Login strings that name no account are counted under their own
 * key, so both kinds are throttled alike and a 429 tells nothing about whether an account exists.
 * Keys hold a hash of the login string, never the phone or e-mail itself.
 */
@Singleton
class LoginThrottle {

    private static final String PREFIX = "ocop:identity:login-failures:";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final StatefulRedisConnection<String, String> redis;
    private final ThrottleConfiguration config;

    LoginThrottle(StatefulRedisConnection<String, String> redis, ThrottleConfiguration config) {
        this.redis = redis;
        this.config = config;
    }

    static String accountSubject(UUID accountId) {
        return "account:" + accountId;
    }

    static String loginSubject(String loginKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(loginKey.getBytes(StandardCharsets.UTF_8));
            return "login:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How long the caller must wait, when the subject or the address is over its limit. */
    Optional<Duration> blockedFor(String subject, String address) {
        String subjectKey = PREFIX + subject;
        String addressKey = PREFIX + "address:" + address;
        List<KeyValue<String, String>> counts = redis.sync().mget(subjectKey, addressKey);
        Duration wait = Duration.ZERO;
        if (count(counts.get(0)) >= config.accountLimit()) {
            wait = max(wait, remaining(subjectKey, config.accountWindow()));
        }
        if (count(counts.get(1)) >= config.addressLimit()) {
            wait = max(wait, remaining(addressKey, config.addressWindow()));
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    void recordFailure(String subject, String address) {
        var commands = redis.async();
        String subjectKey = PREFIX + subject;
        String addressKey = PREFIX + "address:" + address;
        var replies = new RedisFuture<?>[] {
            commands.incr(subjectKey),
            commands.expire(subjectKey, config.accountWindow(), ExpireArgs.Builder.nx()),
            commands.incr(addressKey),
            commands.expire(addressKey, config.addressWindow(), ExpireArgs.Builder.nx()),
        };
        if (!LettuceFutures.awaitAll(TIMEOUT, replies)) {
            throw new IllegalStateException("Redis did not count a failed login in time");
        }
    }

    /** Forgets the subject's failures (after a successful login). */
    void clear(String subject) {
        redis.sync().del(PREFIX + subject);
    }

    /** The counter's time to live, rounded up to whole seconds; a counter left without one gets its window. */
    private Duration remaining(String key, Duration window) {
        long millis = redis.sync().pttl(key);
        if (millis < 0) {
            redis.sync().expire(key, window, ExpireArgs.Builder.nx());
            millis = window.toMillis();
        }
        return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
    }

    private static long count(KeyValue<String, String> value) {
        return value.hasValue() ? Long.parseLong(value.getValue()) : 0;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
