package org.provisiontimeline.provision;

import java.util.function.Supplier;
import org.provisiontimeline.status.Provision;

/**
 * A provision bound from its stored document on first use, then kept (issue 15). A start reads only the rows'
 * metadata before it answers: the catalog then reads and binds every document in the background, and a request that
 * comes first reads and binds its own ({@code load}). The document was validated when it was written, so binding
 * cannot fail on data.
 */
final class ParsedOnFirstUse {

    private volatile Provision parsed;
    private final Supplier<Provision> load;

    private ParsedOnFirstUse(Provision parsed, Supplier<Provision> load) {
        this.parsed = parsed;
        this.load = load;
    }

    static ParsedOnFirstUse parsed(Provision provision) {
        return new ParsedOnFirstUse(provision, null);
    }

    /** A provision {@code load} reads and binds when it is first asked for (at most once). */
    static ParsedOnFirstUse of(Supplier<Provision> load) {
        return new ParsedOnFirstUse(null, load);
    }

    Provision get() {
        Provision p = parsed;
        if (p == null) {
            synchronized (this) {
                if (parsed == null) {
                    parsed = load.get();
                }
                p = parsed;
            }
        }
        return p;
    }

    /** Binds {@code bound}, read by someone else (the background pass), unless the provision is bound already. */
    synchronized void offer(Supplier<Provision> bound) {
        if (parsed == null) {
            parsed = bound.get();
        }
    }

    boolean isParsed() {
        return parsed != null;
    }
}
