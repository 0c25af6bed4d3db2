package org.provisiontimeline.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import org.provisiontimeline.status.State;

/**
 * Counts status answers by state ({@code timeline_status_answers_total{state=…}} on the management port's
 * {@code /q/metrics}): what the service is asked about. The counters are registered once, so counting costs an
 * increment per answer, not a registry look-up (the status path is served from pre-rendered bytes).
 */
@Singleton
class AnswerMetrics {

    private final Map<State, Counter> answers = new EnumMap<>(State.class);

    AnswerMetrics(MeterRegistry registry) {
        for (State state : State.values()) {
            answers.put(state, Counter.builder("timeline.status.answers").tag("state", state.name())
                    .description("status answers by state").register(registry));
        }
    }

    void count(State state) {
        answers.get(state).increment();
    }
}
