package org.provisiontimeline.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole history of one provision for one aid category, as closed-open runs of days in one state. Built once per
 * version of the record and then asked many times: it is immutable and thread-safe.
 * <p>
 * Rules (spec §3): events with an effect are applied in order of {@code effectiveFrom}; a day is covered from its
 * start. Changes whose dates are windows (a year, a month, a day range) are grouped with every change whose window
 * overlaps theirs; when the state before such a group differs from the state after it, every day of the group's
 * window is {@code UNCERTAIN}, and when it does not (a lapse and a renewal both of unknown day within one year), the
 * days keep that state. A suspension without an end lapses after the provision's renewal period unless renewed
 * first; a lapse inferred past {@code checkedThrough} leaves the days after it {@code UNCERTAIN}, because the record
 * may simply be missing the renewal.
 */
public final class Timeline {

    private final Provision provision;
    private final String category;
    private final List<Segment> segments;
    // Days as epoch-day numbers: a binary search over a long[] reads one array, not a LocalDate object per step (a
    // large catalog's timelines do not fit in the processor's caches, and every status request searches twice).
    private final long[] segmentStarts;
    // Each segment's "since" and "until" (its interval's), worked out once. The intervals and the briefs are made
    // again when first asked for, and only then kept: a catalog's status answers need neither. Keeping both, and a
    // hash map of the events, for every timeline took ~13 MiB of a 1,000-provision catalog's heap (issue 15).
    private final PartialDate[] since;
    private final PartialDate[] until;
    private volatile List<Interval> intervals;
    private volatile StatusBrief[] briefs;
    // The events by id, sorted, for a binary search: two arrays instead of a hash map's node per event.
    private final String[] eventIds;
    private final Event[] eventsInIdOrder;
    // Answer pieces: the segments cut where a day's warnings change (a coverage gap or checkedThrough), so every day
    // of one piece has the same answer but its date; callers may render a piece once (StatusAnswer's JSON).
    private final PieceIndex pieces;

    private Timeline(Provision provision, String category, List<Segment> segments) {
        this.provision = provision;
        this.category = category;
        this.segments = segments;
        List<Interval> merged = Segment.merge(segments);
        this.segmentStarts = new long[segments.size()];
        this.since = new PartialDate[segments.size()];
        this.until = new PartialDate[segments.size()];
        // Intervals are merges of consecutive segments, so one walk pairs each segment with its interval, and each
        // interval with its first segment and the first segment of the next one: linear, not a search per segment.
        int first = 0;
        for (Interval interval : merged) {
            int last = first;   // the segment that ends the interval
            while (!Objects.equals(segments.get(last).to(), interval.to())) {
                last++;
            }
            PartialDate from = segments.get(first).startedBy();
            PartialDate to = untilOf(interval, from, last + 1 < segments.size() ? segments.get(last + 1) : null);
            for (int i = first; i <= last; i++) {
                Segment s = segments.get(i);
                segmentStarts[i] = (s.from() != null ? s.from() : LocalDate.MIN).toEpochDay();
                since[i] = from;
                until[i] = to;
            }
            first = last + 1;
        }
        Map<String, Event> byId = new TreeMap<>();
        for (Event e : provision.events()) {
            byId.putIfAbsent(e.id(), e);   // the first of a repeated id wins, as Provision.event(id) finds it
        }
        this.eventIds = byId.keySet().toArray(new String[0]);
        this.eventsInIdOrder = byId.values().toArray(new Event[0]);
        List<LocalDate> cuts = new ArrayList<>();
        for (CoverageGap gap : provision.coverage()) {
            cuts.add(gap.from());
            cuts.add(gap.to());
        }
        if (provision.checkedThrough() != null && !provision.checkedThrough().equals(LocalDate.MAX)) {
            cuts.add(provision.checkedThrough().plusDays(1));
        }
        TreeSet<Long> starts = new TreeSet<>();
        for (long start : segmentStarts) {
            starts.add(start);
        }
        cuts.forEach(cut -> starts.add(cut.toEpochDay()));
        long[] pieceStarts = starts.stream().mapToLong(Long::longValue).toArray();
        State[] states = new State[pieceStarts.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = segments.get(segmentIndex(pieceStarts[i])).state();
        }
        this.pieces = new PieceIndex(pieceStarts, states);
    }

    /**
     * The date of the change that ends {@code interval}: the "started by" of the segment after it, or the plain day
     * its last day is followed by when that change is the one that also began it (an uncertain window is followed
     * by the state its change led to, "started" by that same window; the window itself ends on a known day).
     */
    private static PartialDate untilOf(Interval interval, PartialDate since, Segment after) {
        if (interval.to() == null) {
            return null;
        }
        PartialDate next = after != null && interval.to().equals(after.from()) ? after.startedBy() : null;
        if (next == null || next.equals(since)) {
            return PartialDate.of(interval.to());
        }
        return next;
    }

    /**
     * Computes the timeline of {@code provision} for {@code category}.
     *
     * @throws IllegalArgumentException if the provision does not declare the category
     */
    public static Timeline of(Provision provision, String category) {
        if (provision.category(category).isEmpty()) {
            throw new IllegalArgumentException("unknown category '" + category + "'");
        }
        return new Timeline(provision, category, new Replay(provision, category).run());
    }

    public Provision provision() {
        return provision;
    }

    public String category() {
        return category;
    }

    /** All maximal intervals, from the unbounded past to the unbounded future. */
    public List<Interval> intervals() {
        List<Interval> made = intervals;
        if (made == null) {   // two threads may both make them: the same list, and either may be kept
            made = Segment.merge(segments);
            intervals = made;
        }
        return made;
    }

    /**
     * The intervals that overlap the days {@code [from, to)}, cut to that range.
     *
     * @param from first day, or {@code null} for the unbounded past
     * @param to   exclusive end, or {@code null} for the unbounded future
     */
    public List<Interval> intervals(LocalDate from, LocalDate to) {
        List<Interval> out = new ArrayList<>();
        for (Interval i : intervals()) {
            boolean endsBefore = from != null && i.to() != null && !i.to().isAfter(from);
            boolean startsAfter = to != null && i.from() != null && !i.from().isBefore(to);
            if (!endsBefore && !startsAfter) {
                out.add(i.clip(from, to));
            }
        }
        return out;
    }

    /** The state on {@code day} in brief: what batch annotation needs, found by binary search. */
    public StatusBrief brief(LocalDate day) {
        StatusBrief[] made = briefs;
        if (made == null) {   // as with the intervals, a race makes equal arrays
            made = new StatusBrief[segments.size()];
            for (int i = 0; i < made.length; i++) {
                Segment s = segments.get(i);
                made[i] = new StatusBrief(s.state(), s.state().restricted(), since[i], until[i], s.confidence(),
                        List.copyOf(s.snapshot().eventIds()));
            }
            briefs = made;
        }
        return made[segmentIndex(day)];
    }

    /** The state on {@code day}, found by binary search: what a count of answers by state needs. */
    public State state(LocalDate day) {
        return segments.get(segmentIndex(day)).state();
    }

    /** The state on {@code day}, with its reasons, sources and warnings. */
    public StatusAnswer answer(LocalDate day) {
        Objects.requireNonNull(day, "day");
        int i = segmentIndex(day);
        Segment segment = segments.get(i);
        List<String> warnings = warnings(day, segment);
        String explanation = Explanation.of(provision, category, segment, since[i], until[i]);
        return new StatusAnswer(provision.id(), day, category, segment.state().restricted(), segment.state(),
                since[i], until[i], segment.confidence(), explanation, segment.governing(),
                segment.candidates(), warnings, provision.checkedThrough(), sourcesOf(segment.governing()), null,
                null);
    }

    /**
     * Which piece of the timeline {@code day} falls in: every day of one piece has the same {@link #answer} except
     * its {@code date}, so a caller may compute (or render) the answer once per piece. Found by binary search.
     */
    public int pieceOf(LocalDate day) {
        return pieces.pieceOf(day);
    }

    /** The first day of piece {@code i} ({@link LocalDate#MIN} for the piece before the first event). */
    public LocalDate pieceStart(int i) {
        return pieces.start(i);
    }

    /** The number of pieces; {@link #pieceOf} answers from 0 to this, exclusive. */
    public int pieces() {
        return pieces.size();
    }

    /** Where the pieces begin and their states, without the model: see {@link PieceIndex}. */
    public PieceIndex pieceIndex() {
        return pieces;
    }

    /** Index of the segment containing {@code day}: the last one starting on or before it. */
    private int segmentIndex(LocalDate day) {
        return segmentIndex(day.toEpochDay());
    }

    private int segmentIndex(long epochDay) {
        int i = Arrays.binarySearch(segmentStarts, epochDay);
        return i >= 0 ? i : -i - 2;
    }

    private List<String> warnings(LocalDate day, Segment segment) {
        List<String> warnings = new ArrayList<>();
        for (CoverageGap gap : provision.coverage()) {
            if (gap.contains(day)) {
                warnings.add("The record has a known gap from " + gap.from() + " to " + gap.to().minusDays(1) + ": "
                        + gap.note());
            }
        }
        if (provision.checkedThrough() != null && day.isAfter(provision.checkedThrough())) {
            warnings.add("The record was checked through " + provision.checkedThrough()
                    + "; events after that day may be missing.");
        }
        for (GoverningEvent g : segment.governing()) {
            if (g.confidence() == Confidence.DISPUTED) {
                warnings.add("Governing event " + g.id() + " is disputed; see its notes.");
            }
        }
        return warnings;
    }

    private List<Source> sourcesOf(List<GoverningEvent> governing) {
        Set<Source> sources = new LinkedHashSet<>();
        for (GoverningEvent g : governing) {
            if (!g.derived()) {
                int at = Arrays.binarySearch(eventIds, g.id());
                if (at >= 0) {
                    sources.addAll(eventsInIdOrder[at].sources());
                }
            }
        }
        return List.copyOf(sources);
    }

    /**
     * Replays the events of one category in order and records a segment for every stretch of days in one state.
     * Single use.
     */
    private static final class Replay {
        private final Provision provision;
        private final String category;
        private final List<Change> changes = new ArrayList<>();
        private final List<Segment> segments = new ArrayList<>();
        private final Event firstImposition;

        // The machine's state; see snapshot() for how it reads as a State.
        private Event imposition;
        private Event termination;
        private Event suspension;
        private final Set<Event> exemptions = new LinkedHashSet<>();
        private List<GoverningEvent> lastEnding = List.of();
        private boolean unverifiedLapse;

        private LocalDate segmentStart;
        private PartialDate segmentStartedBy;
        private Snapshot current;

        Replay(Provision provision, String category) {
            this.provision = provision;
            this.category = category;
            this.firstImposition = firstImposition(provision, category);
            collectChanges();
        }

        /**
         * The earliest imposition, found once: every snapshot before it names it. Ties go to the smaller event id,
         * not the file order, so listing the events differently cannot change the answer.
         */
        private static Event firstImposition(Provision provision, String category) {
            Event first = null;
            for (Event e : provision.events()) {
                if (e.effect() == Effect.IMPOSE && e.touches(category)
                        && (first == null || e.start().compareTo(first.start()) < 0
                            || e.start().compareTo(first.start()) == 0 && e.id().compareTo(first.id()) < 0)) {
                    first = e;
                }
            }
            return first;
        }

        private void collectChanges() {
            int order = 0;
            for (Event e : provision.events()) {
                if (e.effect() == Effect.NONE || !e.touches(category)) {
                    continue;
                }
                PartialDate start = e.start();
                changes.add(new Change(start, e.effect(), e, null, false, order++));
                if (e.effect() == Effect.SUSPEND) {
                    if (e.effectiveUntil() != null) {
                        changes.add(new Change(e.effectiveUntil(), null, e, e, false, order++));
                    } else if (provision.renewal() != null) {
                        changes.add(new Change(start.plus(provision.renewal()), null, e, e, true, order++));
                    }
                } else if (e.effect() == Effect.EXEMPT && e.effectiveUntil() != null) {
                    changes.add(new Change(e.effectiveUntil(), null, e, e, false, order++));
                }
            }
            // By earliest day, then latest; overlapping windows are regrouped and reordered in applyGroup. Ties are
            // broken by event id, not by the order of the file, so listing the events differently cannot change
            // the timeline (found by TimelinePropertiesTest).
            changes.sort(Comparator.comparing(Change::when).thenComparing(Change::isStart)
                    .thenComparing(c -> c.event().id()).thenComparingInt(Change::order));
        }

        // One GoverningEvent per event and role (and one inferred lapse per suspension), shared by every snapshot
        // that names it: a long history has a snapshot per segment, and each used to hold copies of its own.
        private final Map<Event, Map<String, GoverningEvent>> governingByEvent = new IdentityHashMap<>();
        private final Map<Event, GoverningEvent> lapses = new IdentityHashMap<>();

        private GoverningEvent governing(Event e, String role) {
            return governingByEvent.computeIfAbsent(e, k -> new HashMap<>(4))
                    .computeIfAbsent(role, r -> GoverningEvent.of(e, r));
        }

        private GoverningEvent lapse(Event suspension, PartialDate when) {
            GoverningEvent known = lapses.get(suspension);
            if (known == null || !known.date().equals(when)) {
                known = GoverningEvent.lapseOf(suspension, when);
                lapses.put(suspension, known);
            }
            return known;
        }

        List<Segment> run() {
            current = snapshot();
            int i = 0;
            while (i < changes.size()) {
                LocalDate lo = changes.get(i).when().earliest();
                LocalDate hi = changes.get(i).when().latest();
                int j = i + 1;
                while (j < changes.size() && !changes.get(j).when().earliest().isAfter(hi)) {
                    hi = max(hi, changes.get(j).when().latest());
                    j++;
                }
                applyGroup(changes.subList(i, j), lo, hi);
                i = j;
            }
            close(null);
            return List.copyOf(segments);
        }

        private void applyGroup(List<Change> window, LocalDate lo, LocalDate hi) {
            Snapshot before = current;
            Set<State> seen = new TreeSet<>(before.possibleStates());
            Set<GoverningEvent> involved = new LinkedHashSet<>();
            // Within a window the order is unknown. Effects start before suspensions end, so a renewal dated like
            // the lapse it prevents keeps the suspension unbroken; a suspension's own end still follows its start.
            List<Change> group = new ArrayList<>(window);
            group.sort(Comparator.comparing(Change::isStart).reversed());
            for (Change c : group) {
                apply(c);
                Snapshot s = snapshot();
                seen.addAll(s.possibleStates());
                involved.addAll(s.governing());
            }
            Snapshot after = snapshot();
            PartialDate when = group.size() == 1 ? group.get(0).when()
                    : PartialDate.window(lo, hi, group.stream().anyMatch(c -> c.when().approximate()));
            PartialDate previousStart = segmentStartedBy;
            close(lo);
            if (lo.equals(hi)) {
                open(lo, when, after);
            } else if (seen.size() == 1) {
                // Nothing observable changed (a lapse and its renewal within one window): the state keeps its
                // "since", and either side's events may govern a day of the window.
                open(lo, previousStart, new Snapshot(after.state(), List.of(), union(before.governing(),
                        after.governing(), List.of())));
                close(hi.plusDays(1));
                open(hi.plusDays(1), previousStart, after);
            } else {
                open(lo, when, new Snapshot(State.UNCERTAIN, List.copyOf(seen),
                        union(before.governing(), after.governing(), involved)));
                close(hi.plusDays(1));
                open(hi.plusDays(1), when, after);
            }
        }

        /** The governing events of several snapshots, each event once (its first role wins). */
        private static List<GoverningEvent> union(List<GoverningEvent> a, List<GoverningEvent> b,
                                                  Collection<GoverningEvent> c) {
            Map<String, GoverningEvent> byId = new LinkedHashMap<>();
            for (List<GoverningEvent> part : List.of(a, b, List.copyOf(c))) {
                part.forEach(g -> byId.putIfAbsent(g.id(), g));
            }
            return List.copyOf(byId.values());
        }

        private void apply(Change c) {
            Event e = c.event();
            if (c.ends() != null) {
                if (c.ends().effect() == Effect.EXEMPT) {
                    exemptions.remove(c.ends());
                } else if (suspension == c.ends()) {
                    suspension = null;
                    lastEnding = c.inferred()
                            ? List.of(governing(e, "suspended"), lapse(e, c.when()))
                            : List.of(governing(e, "suspended"));
                    unverifiedLapse = c.inferred() && provision.checkedThrough() != null
                            && c.when().latest().isAfter(provision.checkedThrough());
                }
                return;
            }
            switch (c.effect()) {
                case IMPOSE -> {
                    // A (re-)enactment puts the restriction in force; a waiver already running keeps running.
                    imposition = e;
                    termination = null;
                }
                case SUSPEND -> {
                    suspension = e;
                    unverifiedLapse = false;
                }
                case REINSTATE -> {
                    if (suspension != null) {
                        lastEnding = List.of(governing(suspension, "suspended"));
                        suspension = null;
                    }
                    List<GoverningEvent> ending = new ArrayList<>(lastEnding);
                    ending.add(governing(e, "ended the suspension"));
                    lastEnding = List.copyOf(ending);
                    unverifiedLapse = false;
                }
                case TERMINATE -> {
                    // The provision is gone, and with it its waivers and exemptions.
                    termination = e;
                    suspension = null;
                    exemptions.clear();
                    lastEnding = List.of();
                    unverifiedLapse = false;
                }
                case EXEMPT -> exemptions.add(e);
                case NONE -> { }
            }
        }

        private Snapshot snapshot() {
            List<GoverningEvent> governing = new ArrayList<>();
            if (imposition == null) {
                if (firstImposition != null) {
                    governing.add(governing(firstImposition, "not yet in force"));
                }
                return new Snapshot(State.NOT_IN_FORCE, List.of(), governing);
            }
            governing.add(governing(imposition, "imposed"));
            if (termination != null) {
                governing.add(governing(termination, "terminated"));
                return new Snapshot(State.NOT_IN_FORCE, List.of(), governing);
            }
            if (!exemptions.isEmpty()) {
                exemptions.forEach(e -> governing.add(governing(e, "exempts " + category)));
                return new Snapshot(State.EXEMPT, List.of(), governing);
            }
            if (suspension != null) {
                governing.add(governing(suspension, "suspends"));
                return new Snapshot(State.SUSPENDED, List.of(), governing);
            }
            governing.addAll(lastEnding);
            if (unverifiedLapse) {
                return new Snapshot(State.UNCERTAIN, List.of(State.IN_FORCE, State.SUSPENDED), governing);
            }
            return new Snapshot(State.IN_FORCE, List.of(), governing);
        }

        private void open(LocalDate from, PartialDate startedBy, Snapshot snapshot) {
            segmentStart = from;
            segmentStartedBy = startedBy;
            current = snapshot;
        }

        private void close(LocalDate to) {
            if (segmentStart == null || to == null || to.isAfter(segmentStart)) {
                segments.add(new Segment(segmentStart, to, segmentStartedBy, current));
            }
        }

        private static LocalDate max(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /**
     * One dated change: an event's effect starting ({@code ends == null}), or the end of the suspension or exemption
     * {@code ends}, either stated ({@code effectiveUntil}) or inferred from the renewal period.
     */
    private record Change(PartialDate when, Effect effect, Event event, Event ends, boolean inferred, int order) {
        boolean isStart() {
            return ends == null;
        }
    }
}
