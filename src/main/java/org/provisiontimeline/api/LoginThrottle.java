package org.provisiontimeline.api;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed editor logins per client address in fixed windows. Once a client has failed {@code max-failures}
 * times in a window, every login attempt it makes answers 429 until the window ends, whether the password is right
 * or not, so guessing is capped at that many tries per window. It also decides which failures are logged: the first
 * of each client's window and the one that locks it, so a flood of wrong passwords cannot flood the log.
 */
@Singleton
class LoginThrottle {

    /** Bound on tracked clients; expired windows are swept when it is reached, so memory stays bounded. */
    static final int MAX_TRACKED_CLIENTS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> clients = new ConcurrentHashMap<>();

    LoginThrottle(@ConfigProperty(name = "timeline.login.max-failures") int maxFailures,
                  @ConfigProperty(name = "timeline.login.window") Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** A client's failures in the current window. */
    private record Window(Instant start, int failures) {
    }

    /** What a failure means for the log. */
    enum Logging { LOG, LOG_LOCKED, QUIET }

    /** Seconds until {@code client} may try again, or 0 when it may try now. */
    long lockedFor(String client) {
        Window w = clients.get(client);
        Instant now = clock.instant();
        if (w == null || w.failures < maxFailures || !now.isBefore(w.start.plus(window))) {
            return 0;
        }
        return Math.max(1, Duration.between(now, w.start.plus(window)).toSeconds() + 1);
    }

    /** Records a failed login and says whether it deserves a log line. */
    Logging failed(String client) {
        Instant now = clock.instant();
        if (clients.size() >= MAX_TRACKED_CLIENTS) {
            sweep(now);
        }
        Window w = clients.compute(client, (k, old) -> old == null || !now.isBefore(old.start.plus(window))
                ? new Window(now, 1) : new Window(old.start, old.failures + 1));
        if (w.failures == 1) {
            return Logging.LOG;
        }
        return w.failures == maxFailures ? Logging.LOG_LOCKED : Logging.QUIET;
    }

    int maxFailures() {
        return maxFailures;
    }

    Duration window() {
        return window;
    }

    private void sweep(Instant now) {
        for (Iterator<Window> it = clients.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next().start.plus(window))) {
                it.remove();
            }
        }
        if (clients.size() >= MAX_TRACKED_CLIENTS) {
            clients.clear();   // a flood of distinct addresses: forget rather than grow without bound
        }
    }
}
