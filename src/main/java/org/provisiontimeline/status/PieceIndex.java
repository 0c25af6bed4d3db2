package org.provisiontimeline.status;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Where a timeline's answer pieces begin, and each piece's state: all a status request needs once its piece is
 * rendered (issue 15). It holds nothing of the model, so it outlives a timeline whose model the catalog has let go:
 * a large catalog answers status requests from rendered pieces while most of its models are not in memory.
 */
public final class PieceIndex {

    // Days as epoch-day numbers: a binary search over a long[] reads one array, not a LocalDate object per step.
    private final long[] starts;
    private final State[] states;

    PieceIndex(long[] starts, State[] states) {
        this.starts = starts;
        this.states = states;
    }

    /** The piece {@code day} falls in: the last one starting on or before it. */
    public int pieceOf(LocalDate day) {
        int i = Arrays.binarySearch(starts, day.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    /** The first day of piece {@code i} ({@link LocalDate#MIN} for the piece before the first event). */
    public LocalDate start(int i) {
        return LocalDate.ofEpochDay(starts[i]);
    }

    /** The state on every day of piece {@code i}: a piece lies within one segment. */
    public State state(int i) {
        return states[i];
    }

    /** The number of pieces. */
    public int size() {
        return starts.length;
    }
}
