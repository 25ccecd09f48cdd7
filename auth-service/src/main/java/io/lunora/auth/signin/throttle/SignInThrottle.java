package io.lunora.auth.signin.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.lunora.model.identity.Pool;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Sign-in protection as an identity provider does it, instead of a lock anyone can trigger:
 * <ul>
 * <li>per account: after {@code freeFailures} failures (passwords and codes alike) each attempt
 * waits a delay that doubles up to {@code maxDelay}; an address that completed a sign-in of the
 * account before is exempt, so strangers cannot keep its owner out;</li>
 * <li>per account and address: {@code pauseAfter} failures pause that address for the account for
 * {@code pause}, then it may try again;</li>
 * <li>per address: at most {@code addressFailures} failures per window over all accounts
 * (Resilience4j rate limiters, one per address).</li>
 * </ul>
 * Accounts are keyed by the name typed, whether it exists or not, so the answers tell no one which
 * accounts exist. The state is in memory: a restart forgives.
 */
@Component
@EnableConfigurationProperties(SignInProtectionProperties.class)
public class SignInThrottle {

    /** Failures of one account (or of one account from one address) and when attempts may resume. */
    private record Failures(int count, Instant notBefore) {
        static final Failures NONE = new Failures(0, Instant.EPOCH);
    }

    private final SignInProtectionProperties properties;
    private final Clock clock;
    private final RateLimiterConfig addressBudget;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> pairs;
    private final Cache<String, Boolean> familiar;
    private final Cache<String, AtomicRateLimiter> addresses;

    public SignInThrottle(SignInProtectionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.addressBudget = RateLimiterConfig.custom()
                .limitForPeriod(properties.addressFailures())
                .limitRefreshPeriod(properties.addressWindow())
                .timeoutDuration(Duration.ZERO)
                .build();
        Duration forgetFailures = properties.pause().plus(properties.maxDelay()).plus(properties.addressWindow());
        this.accounts = cache(forgetFailures);
        this.pairs = cache(forgetFailures);
        this.familiar = cache(properties.familiarFor());
        this.addresses = cache(properties.addressWindow().multipliedBy(2));
    }

    private <V> Cache<String, V> cache(Duration expiry) {
        return Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(properties.maxRemembered()).build();
    }

    /** Empty when {@code username} may be tried from {@code address} now, else why not and for how long. */
    public Optional<SignInRefusal> check(Pool pool, String username, String address) {
        AtomicRateLimiter budget = addresses.getIfPresent(address);
        if (budget != null && budget.getMetrics().getAvailablePermissions() <= 0) {
            Duration wait = Duration.ofNanos(Math.max(budget.getDetailedMetrics().getNanosToWait(), 1));
            return Optional.of(new SignInRefusal("Too many failed sign-ins from your network. Try again in "
                    + SignInRefusal.inWords(wait) + ".", wait));
        }
        String account = accountKey(pool, username);
        Instant now = clock.instant();
        Failures pair = Optional.ofNullable(pairs.getIfPresent(pairKey(account, address))).orElse(Failures.NONE);
        if (pair.notBefore().isAfter(now)) {
            Duration wait = Duration.between(now, pair.notBefore());
            return Optional.of(new SignInRefusal("Signing in to this account from your network is paused for "
                    + SignInRefusal.inWords(wait) + " after too many failed attempts. Try again then; "
                    + "the account itself is not locked.", wait));
        }
        Failures failures = Optional.ofNullable(accounts.getIfPresent(account)).orElse(Failures.NONE);
        if (failures.notBefore().isAfter(now) && familiar.getIfPresent(pairKey(account, address)) == null) {
            Duration wait = Duration.between(now, failures.notBefore());
            return Optional.of(new SignInRefusal("Too many failed sign-ins for this account. Wait "
                    + SignInRefusal.inWords(wait) + " and try again.", wait));
        }
        return Optional.empty();
    }

    /** Counts a wrong password or code; answers when the account's next attempt may be made. */
    public Instant failed(Pool pool, String username, String address) {
        addresses.get(address, a -> new AtomicRateLimiter("sign-in " + a, addressBudget)).acquirePermission();
        String account = accountKey(pool, username);
        Instant now = clock.instant();
        pairs.asMap().compute(pairKey(account, address), (k, before) -> {
            int count = (before == null ? 0 : before.count()) + 1;
            return count >= properties.pauseAfter() ? new Failures(0, now.plus(properties.pause()))
                    : new Failures(count, before == null ? Instant.EPOCH : before.notBefore());
        });
        return accounts.asMap().compute(account, (k, before) -> {
            int count = (before == null ? 0 : before.count()) + 1;
            return new Failures(count, now.plus(delayAfter(count)));
        }).notBefore();
    }

    /** Every factor was accepted: the account's failures are forgotten and the address becomes familiar. */
    public void succeeded(Pool pool, String username, String address) {
        String account = accountKey(pool, username);
        accounts.invalidate(account);
        pairs.invalidate(pairKey(account, address));
        familiar.put(pairKey(account, address), Boolean.TRUE);
    }

    /** When the account's next attempt may be made after {@code failures} in a row. */
    Duration delayAfter(int failures) {
        if (failures < properties.freeFailures()) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - properties.freeFailures(), 30);
        Duration delay = properties.baseDelay().multipliedBy(1L << doublings);
        return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
    }

    private static String accountKey(Pool pool, String username) {
        String name = username == null ? "" : Normalizer.normalize(username.strip(), Normalizer.Form.NFKC);
        return pool.name() + ':' + name.toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String account, String address) {
        return account + '@' + address;
    }
}
