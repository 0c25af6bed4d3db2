package org.provisiontimeline.api;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;

/**
 * The default number of event-loop threads: four per core instead of Vert.x's two (issue 15). In-memory reads run on
 * the event loop that received them ({@link InMemoryReads}), so a loop thread the operating system has preempted, or
 * that a collection paused, holds up every connection it owns. More loops than cores keep that wait short: at two
 * cores, with 8 and with 32 connections, the status path's p99 went from 2.8–4.3 ms with 4 loops to 1.5–2.5 ms with
 * 8, at the same throughput; 16 loops gained nothing more (docs/decisions.md, "Tail latency"). A configured
 * {@code quarkus.vertx.event-loops-pool-size} wins: this source's ordinal is below application.properties.
 */
public class EventLoopThreads extends MapBackedConfigSource {

    static final String PROPERTY = "quarkus.vertx.event-loops-pool-size";

    public EventLoopThreads() {
        super("timeline-event-loop-threads",
                Map.of(PROPERTY, Integer.toString(forCores(Runtime.getRuntime().availableProcessors()))), 50);
    }

    /** Four per core, never fewer than Vert.x's own two per core, and at most 64 unless more is configured. */
    static int forCores(int cores) {
        return Math.max(2 * cores, Math.min(4 * cores, 64));
    }
}
