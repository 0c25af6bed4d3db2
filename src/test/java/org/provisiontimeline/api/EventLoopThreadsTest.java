package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The application runs four event loops per core by default (see {@link EventLoopThreads} for why). */
@QuarkusTest
class EventLoopThreadsTest {

    @Inject
    Vertx vertx;

    @Test
    void fourPerCoreWithinBounds() {
        assertEquals(4, EventLoopThreads.forCores(1));
        assertEquals(8, EventLoopThreads.forCores(2));
        assertEquals(64, EventLoopThreads.forCores(16));
        assertEquals(64, EventLoopThreads.forCores(24), "capped at 64");
        assertEquals(128, EventLoopThreads.forCores(64), "never fewer than Vert.x's two per core");
    }

    @Test
    void theRunningApplicationHasThem() {
        int loops = 0;
        for (EventExecutor ignored : ((VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        assertEquals(EventLoopThreads.forCores(Runtime.getRuntime().availableProcessors()), loops);
    }
}
