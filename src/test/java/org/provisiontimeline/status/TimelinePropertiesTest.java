package org.provisiontimeline.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.provisiontimeline.importer.ProvisionReader;

/**
 * Properties of the engine on random valid provisions (issue 9): whatever the record, the timeline is a partition
 * of all days into closed-open intervals, {@code restricted} follows {@code state}, the batch brief says what the full
 * answer says, and the order in which events are listed does not matter.
 */
class TimelinePropertiesTest {

    private static final LocalDate FIRST = LocalDate.of(1990, 1, 1);
    private static final int SPAN_DAYS = 40 * 365;
    private static final List<String> CATEGORIES = List.of("general", "food");

    @Property(tries = 300)
    void intervalsAreContiguousClosedOpenAndMaximal(@ForAll("provisions") Provision p) {
        for (String category : CATEGORIES) {
            List<Interval> intervals = Timeline.of(p, category).intervals();
            assertNull(intervals.get(0).from(), "the first interval reaches back without bound");
            assertNull(intervals.get(intervals.size() - 1).to(), "the last interval reaches forward without bound");
            for (int i = 0; i < intervals.size(); i++) {
                Interval in = intervals.get(i);
                if (in.from() != null && in.to() != null) {
                    assertTrue(in.from().isBefore(in.to()), "non-empty and closed-open: " + in);
                }
                if (i > 0) {
                    Interval before = intervals.get(i - 1);
                    assertEquals(before.to(), in.from(), "contiguous at " + i);
                    assertTrue(!before.state().equals(in.state()) || !before.confidence().equals(in.confidence())
                                    || !before.eventIds().equals(in.eventIds()) || !before.candidates().equals(in.candidates()),
                            "maximal: " + before + " and " + in + " could be one interval");
                }
            }
        }
    }

    @Property(tries = 300)
    void everyDayHasExactlyOneStateAndRestrictedFollowsIt(@ForAll("provisions") Provision p,
                                                          @ForAll("days") List<LocalDate> days) {
        for (String category : CATEGORIES) {
            Timeline t = Timeline.of(p, category);
            for (LocalDate day : days) {
                List<Interval> holding = t.intervals().stream().filter(i -> i.contains(day)).toList();
                assertEquals(1, holding.size(), day + " lies in " + holding);
                Interval in = holding.get(0);
                assertEquals(in.state().restricted(), in.restricted(), "interval " + in);
                StatusAnswer answer = t.answer(day);
                assertEquals(in.state(), answer.state(), "answer on " + day + " agrees with its interval");
                assertEquals(answer.state().restricted(), answer.restricted(), "answer on " + day);
                assertEquals(answer.state() == State.UNCERTAIN, !answer.candidates().isEmpty(),
                        "candidates exactly when uncertain, on " + day);
            }
        }
    }

    @Property(tries = 300)
    void theBatchBriefEqualsTheFullAnswer(@ForAll("provisions") Provision p, @ForAll("days") List<LocalDate> days) {
        for (String category : CATEGORIES) {
            Timeline t = Timeline.of(p, category);
            for (LocalDate day : days) {
                StatusBrief brief = t.brief(day);
                StatusAnswer answer = t.answer(day);
                assertEquals(answer.state(), brief.state(), "state on " + day);
                assertEquals(answer.state(), t.state(day), "state alone on " + day);
                assertEquals(answer.restricted(), brief.restricted(), "restricted on " + day);
                assertEquals(answer.since(), brief.since(), "since on " + day);
                assertEquals(answer.until(), brief.until(), "until on " + day);
                assertEquals(answer.confidence(), brief.confidence(), "confidence on " + day);
            }
        }
    }

    @Property(tries = 300)
    void theOrderOfEventsDoesNotMatter(@ForAll("provisions") Provision p, @ForAll long seed) {
        List<Event> shuffled = new ArrayList<>(p.events());
        Collections.shuffle(shuffled, new Random(seed));
        Provision q = p.withEvents(shuffled);
        for (String category : CATEGORIES) {
            assertEquals(Timeline.of(p, category).intervals(), Timeline.of(q, category).intervals(),
                    "events in the order " + shuffled.stream().map(Event::id).toList());
        }
    }

    // --- generators ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<LocalDate>> days() {
        return Arbitraries.integers().between(-400, SPAN_DAYS + 400).map(FIRST::plusDays).list().ofMinSize(1)
                .ofMaxSize(30);
    }

    @Provide
    Arbitrary<Provision> provisions() {
        Arbitrary<Period> renewal = Arbitraries.of("P6M", "P12M", "P2Y").map(Period::parse).injectNull(0.4);
        Arbitrary<LocalDate> checkedThrough = Arbitraries.integers().between(0, SPAN_DAYS).map(FIRST::plusDays);
        Arbitrary<List<Event>> events = event().list().ofMaxSize(25).map(TimelinePropertiesTest::numbered);
        return Combinators.combine(renewal, checkedThrough, events).as(TimelinePropertiesTest::provision)
                .filter(TimelinePropertiesTest::valid);
    }

    private static Provision provision(Period renewal, LocalDate checkedThrough, List<Event> events) {
        return new Provision("random-act", "The Random Act", "Random", "Rnd. L. 1", "XX", "Someone",
                "Aid is restricted.", null, null, List.of(new Category("general", "General"),
                new Category("food", "Food aid")), renewal, List.of(), checkedThrough, events);
    }

    /** The generators aim at valid documents; the few that break a rule are dropped, as the API would refuse them. */
    private static boolean valid(Provision p) {
        try {
            ProvisionReader.check(p);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private static List<Event> numbered(List<Event> events) {
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            out.add(new Event("e-" + i, e.date(), e.type(), e.effect(), e.legalEffect(), e.effectiveFrom(),
                    e.effectiveUntil(), e.dates(), e.categories(), e.title(), e.summary(), e.actor(), e.instrument(),
                    e.conditional(), e.sources(), e.confidence(), e.notes()));
        }
        return out;
    }

    private Arbitrary<Event> event() {
        Arbitrary<Effect> effect = Arbitraries.of(Effect.class);
        Arbitrary<PartialDate> date = partialDate();
        Arbitrary<Integer> untilDays = Arbitraries.integers().between(1, 900).injectNull(0.5);
        Arbitrary<Boolean> forFood = Arbitraries.of(true, false);
        Arbitrary<Confidence> confidence = Arbitraries.of(Confidence.class);
        return Combinators.combine(effect, date, untilDays, forFood, confidence)
                .as((eff, d, until, food, conf) -> {
                    PartialDate end = until != null && (eff == Effect.SUSPEND || eff == Effect.EXEMPT)
                            ? PartialDate.parse(d.latest().plusDays(until).toString()) : null;
                    List<String> categories = eff == Effect.EXEMPT || food ? List.of("food") : List.of();
                    return new Event("e", d, EventType.RELATED, eff, eff != Effect.NONE, null, end, null, categories,
                            "Event", null, null, null, null,
                            List.of(new Source("Source", "https://example.org/s", null, null, "en", SourceKind.primary,
                                    null)), conf, null);
                });
    }

    /** A day, month, year or day window, sometimes approximate. */
    private Arbitrary<PartialDate> partialDate() {
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, SPAN_DAYS).map(FIRST::plusDays);
        Arbitrary<Integer> form = Arbitraries.integers().between(0, 9);
        Arbitrary<@IntRange(min = 1, max = 120) Integer> window = Arbitraries.integers().between(1, 120);
        Arbitrary<Boolean> approximate = Arbitraries.of(false, false, false, true);
        return Combinators.combine(day, form, window, approximate).as((d, f, w, approx) -> {
            String text = switch (f) {
                case 0 -> String.valueOf(d.getYear());
                case 1, 2 -> d.toString().substring(0, 7);
                case 3 -> d + "/" + d.plusDays(w);
                default -> d.toString();
            };
            return PartialDate.parse(text + (approx ? "~" : ""));
        });
    }
}
