package org.provisiontimeline.api;

import java.util.List;
import org.provisiontimeline.status.Interval;
import org.provisiontimeline.status.PartialDate;
import org.provisiontimeline.status.Timeline;

/**
 * The {@code from}/{@code to} of a timeline request, shared by the JSON and CSV views: inclusive bounds that may be
 * partial dates ({@code to=2025} means through 2025-12-31); either may be absent.
 */
public record TimelineRange(PartialDate from, PartialDate to) {

    /**
     * @throws ApiException 400 for a malformed bound or {@code from} after {@code to}
     */
    public static TimelineRange parse(String from, String to) {
        PartialDate f = Params.bound("from", from);
        PartialDate t = Params.bound("to", to);
        Params.checkOrder(from, f, t);
        return new TimelineRange(f, t);
    }

    /** The timeline's intervals that overlap the range, cut to it. */
    public List<Interval> of(Timeline timeline) {
        return timeline.intervals(from == null ? null : from.earliest(), to == null ? null : to.latest().plusDays(1));
    }
}
