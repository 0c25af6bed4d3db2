package org.provisiontimeline.golden;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The clock of {@link GoldenAnswersTest}: fixed, so "today" and every recorded-at instant (and with them the default
 * status date, the provision list and the detail's {@code recordedAt}) are the same on every run.
 */
@Alternative
@ApplicationScoped
public class FixedClock {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
