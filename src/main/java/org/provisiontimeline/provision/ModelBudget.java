package org.provisiontimeline.provision;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on the events of bound models the current catalog keeps ({@code timeline.catalog.max-bound-events}).
 * Past it, the models used longest ago are let go of, to be bound again from their stored versions when next asked
 * for (issue 15). Status answers do not need the model once their timeline's pieces are rendered, so a large
 * catalog answers them from rendered bytes while only its recently used models stay in memory: a model costs
 * ~630 bytes and ~15 objects per event, and the garbage collector's marking of a fully bound 100,000-event catalog
 * (2 million live objects, marked over and over since none are garbage) took ~6 µs of every status request.
 */
final class ModelBudget {

    private final long maxEvents;
    private final AtomicLong events = new AtomicLong();
    private final Set<ParsedOnFirstUse> bound = ConcurrentHashMap.newKeySet();

    ModelBudget(long maxEvents) {
        this.maxEvents = maxEvents;
    }

    /** Events of the models bound now: what the bound counts. */
    long events() {
        return events.get();
    }

    /** Whether the bound is reached: binding more would let go of other models. */
    boolean full() {
        return events.get() >= maxEvents;
    }

    /** Counts a model just bound (called under the model's lock, so it takes no lock of its own). */
    void bound(ParsedOnFirstUse model, int n) {
        bound.add(model);
        events.addAndGet(n);
    }

    /** Uncounts a model let go of (called under the model's lock). */
    void released(ParsedOnFirstUse model, int n) {
        bound.remove(model);
        events.addAndGet(-n);
    }

    /**
     * Lets go of the models used longest ago until the bound holds, never of {@code keep} (just bound: its reader
     * is about to use it). A catalog of one provision larger than the bound keeps that one.
     */
    synchronized void makeRoom(ParsedOnFirstUse keep) {
        while (events.get() > maxEvents) {
            ParsedOnFirstUse oldest = null;
            for (ParsedOnFirstUse m : bound) {
                if (m != keep && (oldest == null || m.lastUse() - oldest.lastUse() < 0)) {
                    oldest = m;
                }
            }
            if (oldest == null) {
                return;
            }
            if (oldest.drop() == 0) {
                bound.remove(oldest);   // let go of meanwhile by another thread, or holding no events
            }
        }
    }

    /** Lets go of a model of a version the catalog no longer serves: it is not counted any more. */
    void retire(ParsedOnFirstUse model) {
        model.drop();
        bound.remove(model);
    }
}
