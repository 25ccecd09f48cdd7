package io.lunora.auth.reset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps "forgot password" from becoming a mail cannon or a guessing oracle: an address may ask
 * {@link #PER_ADDRESS} times per {@link #WINDOW} (then 429), an account gets at most one mail per
 * {@link #MAIL_INTERVAL} (later requests get the same answer and no mail).
 */
final class ResetRequestThrottle {
    static final int PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration MAIL_INTERVAL = Duration.ofSeconds(60);

    private final Cache<String, AtomicInteger> byAddress = Caffeine.newBuilder().expireAfterWrite(WINDOW)
            .maximumSize(100_000).build();
    private final Cache<String, Boolean> mailedAccounts = Caffeine.newBuilder().expireAfterWrite(MAIL_INTERVAL)
            .maximumSize(100_000).build();

    /** Counts the request; false once the address has used up its window. */
    boolean admitAddress(String address) {
        return byAddress.get(address, a -> new AtomicInteger()).incrementAndGet() <= PER_ADDRESS;
    }

    /** True when the account may be mailed now (and records that it was). */
    boolean admitMail(String userId) {
        return mailedAccounts.asMap().putIfAbsent(userId, Boolean.TRUE) == null;
    }
}
