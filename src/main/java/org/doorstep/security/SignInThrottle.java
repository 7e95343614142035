package org.doorstep.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.doorstep.workflow.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per (source address, username), never per user alone: wrong
 * passwords sent from one address must not stop the real user signing in from another. This
 * replaces the engine's per-user delay, which let anyone make a colleague's sign-in fail on demand.
 * <p>
 * The first {@value #FREE_FAILURES} failures cost nothing (typos); each further one doubles the
 * wait, from one second up to {@link #LONGEST_WAIT}. A success, or an hour without failures, forgets
 * the count. Kept in memory per node: a restart or another node starts afresh, which still caps
 * guessing at a few hundred attempts per address and user per day.
 */
@Component
class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Above this many remembered pairs, forgotten ones are swept out, so guessing cannot fill the heap. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

    /** How long this source must still wait before it may try this username again, if at all. */
    Optional<Duration> waitBeforeNextTry(String source, String username) {
        Failures current = failures.get(new Key(source, username));
        Instant now = EngineClock.now();
        if (current == null || !current.blockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, current.blockedUntil()));
    }

    void failed(String source, String username) {
        Instant now = EngineClock.now();
        failures.compute(new Key(source, username), (key, previous) -> {
            int count = previous == null || previous.forgotten(now) ? 1 : previous.count() + 1;
            return new Failures(count, now, now.plus(waitAfter(count)));
        });
        if (failures.size() > SWEEP_ABOVE) {
            failures.values().removeIf(entry -> entry.forgotten(now));
        }
    }

    void succeeded(String source, String username) {
        failures.remove(new Key(source, username));
    }

    static Duration waitAfter(int failureCount) {
        if (failureCount <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failureCount - FREE_FAILURES - 1, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private record Key(String source, String username) {
        Key {
            username = username.toLowerCase(Locale.ROOT);
        }
    }

    private record Failures(int count, Instant lastFailure, Instant blockedUntil) {
        boolean forgotten(Instant now) {
            return !blockedUntil.isAfter(now) && lastFailure.plus(FORGET_AFTER).isBefore(now);
        }
    }
}
