package org.provisiontimeline.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Building a timeline is O(n log n) in the number of events (issue 9, item 7): the old build looked up every
 * segment's interval, and every interval's first and next segment, by a linear scan (O(segments²)), and re-scanned
 * all events for the first imposition on every change before it (O(events²)); 20,000 events took about 20 s and
 * 40,000 about 100 s. The limit below is generous (a loaded machine, a cold JIT) yet fails the quadratic build by far.
 */
class TimelineScaleTest {

    /** Changes before the enactment (the old per-change scan), then thousands of waivers, lapses and reinstatements. */
    static Provision manyEvents(int n) {
        Fixtures f = Fixtures.provision().renewal("P6M").checkedThrough("2099-12-31");
        LocalDate day = LocalDate.of(1900, 1, 1);
        int beforeEnactment = n / 10;
        for (int i = 0; i < beforeEnactment; i++) {
            f.event("pre-" + i, day.plusDays(i).toString(), i % 2 == 0 ? Effect.SUSPEND : Effect.REINSTATE);
        }
        LocalDate enacted = day.plusDays(beforeEnactment);
        f.event("enactment", enacted.toString(), Effect.IMPOSE);
        for (int i = 0; i < n - beforeEnactment - 1; i++) {
            LocalDate d = enacted.plusDays(3L * (i + 1));
            String id = "e-" + i;
            switch (i % 5) {
                case 0 -> f.until(id, d.toString(), d.plusDays(2).toString());
                case 1 -> f.event(id, d.toString(), Effect.SUSPEND);
                case 2 -> f.event(id, d.toString(), Effect.REINSTATE);
                case 3 -> f.event(id, d + "/" + d.plusDays(1), Effect.SUSPEND);
                default -> f.event(id, d.toString(), Effect.NONE);
            }
        }
        return f.build();
    }

    @Test
    void twentyThousandEventsBuildInWellUnderASecond() {
        Provision p = manyEvents(20_000);
        Timeline.of(manyEvents(2_000), "general");   // warm the JIT, as in a running service
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        Timeline t = Timeline.of(p, "general");
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Wall time suffers from other work on the machine; CPU time of this thread is the build's own cost.
        System.out.printf("20,000-event timeline built in %d ms wall, %d ms CPU (%d intervals)%n", millis, cpuMillis,
                t.intervals().size());
        assertTrue(millis < 10_000, "built in " + millis + " ms; the quadratic build took about 20 s");
        assertTrue(t.intervals().size() > 10_000, "the record really has many intervals: " + t.intervals().size());
        assertEquals(State.NOT_IN_FORCE, t.answer(LocalDate.of(1900, 6, 1)).state());
    }

    @Test
    void fortyThousandEventsStayWithinAGenerousLimit() {
        Provision p = manyEvents(40_000);
        Timeline t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Timeline.of(p, "general"));
        assertTrue(t.intervals().size() > 20_000);
    }
}
