package org.provisiontimeline.status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The engine's reading of one stretch of days: a state, its candidates when uncertain, and the events behind it. */
record Snapshot(State state, List<State> candidates, List<GoverningEvent> governing) {

    Snapshot {
        candidates = List.copyOf(candidates);
        governing = List.copyOf(governing);
    }

    /** The states this snapshot may stand for: its candidates when uncertain, else its state. */
    List<State> possibleStates() {
        return state == State.UNCERTAIN ? candidates : List.of(state);
    }

    /** The weakest confidence among the governing events: an answer is only as strong as its weakest reason. */
    Confidence confidence() {
        List<Confidence> all = new ArrayList<>();
        governing.forEach(g -> all.add(g.confidence()));
        return Confidence.weakest(all);
    }

    /** Governing event ids of real (not derived) events, in order, without repeats. */
    Set<String> eventIds() {
        Set<String> ids = new LinkedHashSet<>();
        governing.stream().filter(g -> !g.derived()).forEach(g -> ids.add(g.id()));
        return ids;
    }
}
