package org.provisiontimeline.status;

import java.time.LocalDate;
import java.util.List;

/**
 * A maximal run of days in one state, closed-open {@code [from, to)}; {@code from == null} is unbounded in the past,
 * {@code to == null} unbounded in the future. {@code candidates} lists the possible states of an {@code UNCERTAIN}
 * interval and is empty otherwise.
 */
public record Interval(LocalDate from, LocalDate to, State state, Boolean restricted, Confidence confidence,
                       List<String> eventIds, List<State> candidates) {

    public Interval {
        eventIds = List.copyOf(eventIds);
        candidates = List.copyOf(candidates);
    }

    public boolean contains(LocalDate day) {
        return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
    }

    /** This interval cut to {@code [start, end)}; either bound may be {@code null} for "no cut". */
    Interval clip(LocalDate start, LocalDate end) {
        LocalDate f = start != null && (from == null || from.isBefore(start)) ? start : from;
        LocalDate t = end != null && (to == null || to.isAfter(end)) ? end : to;
        return new Interval(f, t, state, restricted, confidence, eventIds, candidates);
    }
}
