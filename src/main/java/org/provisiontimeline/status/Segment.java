package org.provisiontimeline.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A closed-open run of days {@code [from, to)} with one snapshot; {@code startedBy} is the date of the change (or
 * group of changes) that began it, as precise as the record is. Consecutive segments may share a state; intervals
 * are their maximal merges.
 */
record Segment(LocalDate from, LocalDate to, PartialDate startedBy, Snapshot snapshot) {

    State state() {
        return snapshot.state();
    }

    List<State> candidates() {
        return snapshot.candidates();
    }

    List<GoverningEvent> governing() {
        return snapshot.governing();
    }

    Confidence confidence() {
        return snapshot.confidence();
    }

    /** Merges consecutive segments with the same state and candidates into maximal intervals. */
    static List<Interval> merge(List<Segment> segments) {
        List<Interval> out = new ArrayList<>();
        int i = 0;
        while (i < segments.size()) {
            Segment first = segments.get(i);
            Set<String> ids = new LinkedHashSet<>(first.snapshot().eventIds());
            List<Confidence> confidences = new ArrayList<>(List.of(first.confidence()));
            int j = i + 1;
            while (j < segments.size() && sameReading(first, segments.get(j))) {
                ids.addAll(segments.get(j).snapshot().eventIds());
                confidences.add(segments.get(j).confidence());
                j++;
            }
            Segment last = segments.get(j - 1);
            out.add(new Interval(first.from(), last.to(), first.state(), first.state().restricted(),
                    Confidence.weakest(confidences), List.copyOf(ids), first.candidates()));
            i = j;
        }
        return List.copyOf(out);
    }

    private static boolean sameReading(Segment a, Segment b) {
        return a.state() == b.state() && a.candidates().equals(b.candidates());
    }
}
