package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A ready read runs where it is asked; any other is handed to a worker thread; failures stay failures. */
class InMemoryReadsTest {

    @Test
    void readyReadsRunOnTheCallingThreadOthersOnAWorker() {
        Thread caller = Thread.currentThread();
        assertEquals(caller, InMemoryReads.run(true, Thread::currentThread).await().atMost(Duration.ofSeconds(5)));
        assertNotEquals(caller, InMemoryReads.run(false, Thread::currentThread).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void aProblemThrownByTheReadFailsTheAnswer() {
        ApiException problem = ApiException.unknownProvision("nope");
        for (boolean ready : new boolean[] {true, false}) {
            assertEquals(problem, assertThrows(ApiException.class, () -> InMemoryReads.run(ready, () -> {
                throw problem;
            }).await().atMost(Duration.ofSeconds(5))));
        }
    }
}
