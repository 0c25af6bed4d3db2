package org.provisiontimeline.provision;

import java.util.List;
import java.util.function.Supplier;
import org.provisiontimeline.status.Category;
import org.provisiontimeline.status.Provision;

/**
 * A provision bound from its stored document on first use, then kept while the catalog's {@link ModelBudget} has
 * room (issue 15). A start reads only the rows' metadata before it answers: the catalog then reads and binds
 * documents in the background, and a request that comes first reads and binds its own ({@code load}). The document
 * was validated when it was written, so binding cannot fail on data. A provision with a {@code load} may be let go
 * of ({@link #drop}) and is then bound again from the same immutable version when next asked for.
 */
final class ParsedOnFirstUse {

    private static final long USE_RESOLUTION_NANOS = 1_000_000;

    private volatile Model model;
    /** How to read the version again; {@code null}: given, never dropped (a past version, a test). */
    private final Supplier<Provision> load;
    /** Counts the bound models of the current catalog; {@code null}: not counted. */
    private final ModelBudget budget;
    /** When the model was last asked for ({@link System#nanoTime}): the budget lets go of the oldest first. */
    private volatile long lastUse = System.nanoTime() - 2 * USE_RESOLUTION_NANOS;
    /** The provision's category ids, kept when it is first bound: a status request checks them without the model. */
    private volatile List<String> categoryIds;

    private ParsedOnFirstUse(Supplier<Provision> load, ModelBudget budget) {
        this.load = load;
        this.budget = budget;
    }

    static ParsedOnFirstUse parsed(Provision provision) {
        ParsedOnFirstUse given = new ParsedOnFirstUse(null, null);
        given.bind(provision);
        return given;
    }

    /** A provision {@code load} reads and binds when it is first asked for, and again after a {@link #drop}. */
    static ParsedOnFirstUse of(Supplier<Provision> load, ModelBudget budget) {
        return new ParsedOnFirstUse(load, budget);
    }

    /** As {@link #of}, with the provision read already (the loader parsed it at start). */
    static ParsedOnFirstUse bound(Provision provision, Supplier<Provision> load, ModelBudget budget) {
        ParsedOnFirstUse lazy = new ParsedOnFirstUse(load, budget);
        lazy.bind(provision);   // not shared yet: no lock needed
        if (budget != null) {
            budget.makeRoom(lazy);
        }
        return lazy;
    }

    Provision get() {
        return model().provision;
    }

    /** The model, bound (or bound again) if it is not in memory. */
    Model model() {
        Model m = model;
        // Written at most once a millisecond: every read of the model asks, on every event loop, and a write per
        // request would move this object's cache line between the cores (its model field is read by every request).
        long now = System.nanoTime();
        if (now - lastUse > USE_RESOLUTION_NANOS) {
            lastUse = now;
        }
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    bind(load.get());
                }
                m = model;
            }
            if (budget != null) {
                budget.makeRoom(this);   // outside this lock: the budget takes the locks of the models it drops
            }
        }
        return m;
    }

    /** The model if it is in memory, else {@code null}: asking costs no work. */
    Model ifBound() {
        return model;
    }

    /** Binds {@code bound}, read by someone else (the background pass), unless the provision is bound already. */
    void offer(Supplier<Provision> bound) {
        boolean bindsNow;
        synchronized (this) {
            bindsNow = model == null;
            if (bindsNow) {
                bind(bound.get());
            }
        }
        if (bindsNow && budget != null) {
            budget.makeRoom(this);
        }
    }

    boolean isParsed() {
        return model != null;
    }

    /** The provision's category ids, binding it only if it was never bound. */
    List<String> categoryIds() {
        if (categoryIds == null) {
            model();   // binding keeps them
        }
        return categoryIds;
    }

    long lastUse() {
        return lastUse;
    }

    /**
     * Lets go of the model, if it can be read again; returns how many events it held (0: nothing was let go of).
     * A reader holding the model keeps using it; the next one binds it again.
     */
    synchronized int drop() {
        Model m = model;
        if (m == null || load == null) {
            return 0;
        }
        model = null;
        if (budget != null) {
            budget.released(this, m.events());
        }
        return m.events();
    }

    /** Called with this object's lock held (or before it is shared), so binding and counting happen together. */
    private void bind(Provision provision) {
        Model m = new Model(provision);
        categoryIds = provision.categories().stream().map(Category::id).toList();
        model = m;
        if (budget != null) {
            budget.bound(this, m.events());
        }
    }
}
