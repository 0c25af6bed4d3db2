package org.provisiontimeline.api;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.provisiontimeline.status.StatusAnswer;

/**
 * Counts status answers by state ({@code timeline_status_answers_total{state=…}} on the management port's
 * {@code /q/metrics}): what the service is asked about, without touching the resource that answers.
 */
class AnswerMetrics {

    private final MeterRegistry registry;

    AnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ServerResponseFilter
    void count(ContainerResponseContext response) {
        if (response.getEntity() instanceof StatusAnswer answer && answer.state() != null) {
            registry.counter("timeline.status.answers", "state", answer.state().name()).increment();
        }
    }
}
