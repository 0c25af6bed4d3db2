package org.provisiontimeline.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineTest {

    private static State stateOn(Timeline t, String day) {
        return t.answer(LocalDate.parse(day)).state();
    }

    private static List<String> governing(Timeline t, String day) {
        return t.answer(LocalDate.parse(day)).governingEvents().stream().map(GoverningEvent::id).toList();
    }

    @Nested
    class ImpositionAndSuspension {
        // In force from 2000-01-10; waived for [2005-03-01, 2006-03-01); repealed 2010-07-01.
        private final Timeline t = Fixtures.provision()
                .event("enacted", "2000-01-10", Effect.IMPOSE)
                .until("waiver", "2005-03-01", "2006-03-01")
                .event("bill", "2007-01-01", Effect.NONE)
                .event("repeal", "2010-07-01", Effect.TERMINATE)
                .timeline();

        @ParameterizedTest(name = "[{index}] {arguments}")
        @CsvSource(useHeadersInDisplayName = true, textBlock = """
            DATE,       STATE,        RESTRICTED
            1999-12-31, NOT_IN_FORCE, false
            2000-01-09, NOT_IN_FORCE, false
            # an effect that starts on D applies from the start of D
            2000-01-10, IN_FORCE,     true
            2000-01-11, IN_FORCE,     true
            2005-02-28, IN_FORCE,     true
            2005-03-01, SUSPENDED,    false
            2005-03-02, SUSPENDED,    false
            # closed-open: the restriction returns on the exclusive end itself
            2006-02-28, SUSPENDED,    false
            2006-03-01, IN_FORCE,     true
            2006-03-02, IN_FORCE,     true
            # NONE events never move the state
            2007-01-01, IN_FORCE,     true
            2010-06-30, IN_FORCE,     true
            2010-07-01, NOT_IN_FORCE, false
            2030-01-01, NOT_IN_FORCE, false
            """)
        void stateOnEachSideOfEveryChange(LocalDate date, State state, boolean restricted) {
            StatusAnswer a = t.answer(date);
            assertEquals(state, a.state());
            assertEquals(restricted, a.restricted());
            assertTrue(a.candidates().isEmpty());
        }

        @Test
        void governingEventsNameWhyTheStateIsWhatItIs() {
            assertEquals(List.of("enacted"), governing(t, "1999-06-01"));
            assertEquals(List.of("enacted"), governing(t, "2001-06-01"));
            assertEquals(List.of("enacted", "waiver"), governing(t, "2005-06-01"));
            assertEquals(List.of("enacted", "waiver"), governing(t, "2008-06-01"));
            assertEquals(List.of("enacted", "repeal"), governing(t, "2011-06-01"));
        }

        @Test
        void sinceAndUntilBoundTheMaximalInterval() {
            StatusAnswer a = t.answer(LocalDate.parse("2008-01-01"));
            assertEquals("2006-03-01", a.since().toString());
            assertEquals("2010-07-01", a.until().toString());
            StatusAnswer before = t.answer(LocalDate.parse("1990-01-01"));
            assertNull(before.since());
            assertEquals("2000-01-10", before.until().toString());
            assertNull(t.answer(LocalDate.parse("2020-01-01")).until());
        }

        @Test
        void explanationNamesTheEventsAndDates() {
            String e = t.answer(LocalDate.parse("2005-06-01")).explanation();
            assertTrue(e.contains("Event waiver (2005-03-01)"), e);
            assertTrue(e.contains("2006-03-01"), e);
            String after = t.answer(LocalDate.parse("2008-06-01")).explanation();
            assertTrue(after.startsWith("Restricted"), after);
            assertTrue(after.contains("ended on 2006-03-01"), after);
            assertTrue(t.answer(LocalDate.parse("1999-06-01")).explanation().contains("took effect later"));
            assertTrue(t.answer(LocalDate.parse("2011-06-01")).explanation().contains("Event repeal"));
        }

        @Test
        void intervalsAreMaximalAndClosedOpen() {
            List<Interval> all = t.intervals();
            assertEquals(5, all.size());
            assertNull(all.get(0).from());
            assertEquals(LocalDate.parse("2000-01-10"), all.get(0).to());
            assertEquals(State.SUSPENDED, all.get(2).state());
            assertEquals(LocalDate.parse("2005-03-01"), all.get(2).from());
            assertEquals(LocalDate.parse("2006-03-01"), all.get(2).to());
            assertNull(all.get(4).to());
        }

        @Test
        void intervalsCanBeCutToARange() {
            List<Interval> cut = t.intervals(LocalDate.parse("2005-06-01"), LocalDate.parse("2007-01-01"));
            assertEquals(2, cut.size());
            assertEquals(LocalDate.parse("2005-06-01"), cut.get(0).from());
            assertEquals(LocalDate.parse("2007-01-01"), cut.get(1).to());
        }
    }

    @Nested
    class SuspensionsEnd {
        @Test
        void aReinstatementEndsASuspensionEarly() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2001-01-01", Effect.SUSPEND)
                    .event("reinstated", "2001-06-01", Effect.REINSTATE)
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2001-05-31"));
            assertEquals(State.IN_FORCE, stateOn(t, "2001-06-01"));
            assertEquals(List.of("enacted", "waiver", "reinstated"), governing(t, "2002-01-01"));
        }

        @Test
        void aSuspensionWithoutEndAndWithoutRenewalRunsUntilTheNextChange() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2001-01-01", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2050-01-01"));
        }

        @Test
        void aSuspensionLapsesAfterTheRenewalPeriodAndTheAnswerSaysItIsInferred() {
            Timeline t = Fixtures.provision().renewal("P12M")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2022-06-21", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2023-06-20"));
            StatusAnswer a = t.answer(LocalDate.parse("2023-06-21"));
            assertEquals(State.IN_FORCE, a.state());
            assertEquals("2023-06-21~", a.since().toString());
            assertEquals(Confidence.INFERRED, a.confidence());
            assertEquals(List.of("enacted", "waiver", "waiver/lapse"), governing(t, "2023-06-21"));
            assertTrue(a.explanation().contains("lapsed about 2023-06-21"), a.explanation());
            assertTrue(a.explanation().contains("no renewal is recorded"), a.explanation());
        }

        @Test
        void aRenewalBeforeTheLapsePreventsIt() {
            Timeline t = Fixtures.provision().renewal("P12M")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("w1", "2002-01-25", Effect.SUSPEND)
                    .event("w2", "2003-01-17", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2003-01-25"));
            assertEquals(List.of("enacted", "w2"), governing(t, "2003-06-01"));
            assertEquals(State.IN_FORCE, stateOn(t, "2004-01-17"));
        }

        @Test
        void aRenewalOnTheDayOfTheLapseKeepsTheSuspensionUnbroken() {
            Timeline t = Fixtures.provision().renewal("P12M")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("w1", "2002-01-25", Effect.SUSPEND)
                    .event("w2", "2003-01-25", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2003-01-25"));
            Interval suspended = t.intervals().get(2);
            assertEquals(LocalDate.parse("2002-01-25"), suspended.from());
            assertEquals(LocalDate.parse("2004-01-25"), suspended.to(), "one unbroken interval until w2 lapses");
        }

        @Test
        void anExplicitEndWinsOverTheRenewalPeriod() {
            Timeline t = Fixtures.provision().renewal("P12M")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .until("waiver", "2002-01-25", "2003-01-01")
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2002-12-31"));
            assertEquals(State.IN_FORCE, stateOn(t, "2003-01-01"));
        }

        @Test
        void anInferredLapsePastCheckedThroughIsUncertainNotInForce() {
            Timeline t = Fixtures.provision().renewal("P12M").checkedThrough("2026-02-14")
                    .event("enacted", "1992-10-24", Effect.IMPOSE)
                    .event("waiver", "2025-08-08", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2026-08-07"));
            StatusAnswer a = t.answer(LocalDate.parse("2026-08-08"));
            assertEquals(State.UNCERTAIN, a.state());
            assertNull(a.restricted());
            assertEquals(List.of(State.IN_FORCE, State.SUSPENDED), a.candidates());
            assertTrue(a.explanation().contains("checked only through 2026-02-14"), a.explanation());
            assertTrue(a.warnings().stream().anyMatch(w -> w.contains("checked through 2026-02-14")));
            assertEquals(State.UNCERTAIN, stateOn(t, "2030-01-01"));
        }

        @Test
        void aReEnactmentDoesNotCancelARunningWaiver() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .until("waiver", "2005-01-01", "2007-01-01")
                    .event("amended", "2006-01-01", Effect.IMPOSE)
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2006-06-01"));
            assertEquals(State.IN_FORCE, stateOn(t, "2007-01-01"));
        }

        @Test
        void aRepealEndsExemptionsAndAReEnactmentStartsFresh() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .forCategories("food", "2001-01-01", Effect.EXEMPT, "food")
                    .event("repeal", "2005-01-01", Effect.TERMINATE)
                    .event("reenacted", "2010-01-01", Effect.IMPOSE)
                    .timeline("food");
            assertEquals(State.EXEMPT, stateOn(t, "2002-01-01"));
            assertEquals(State.NOT_IN_FORCE, stateOn(t, "2006-01-01"));
            assertEquals(State.IN_FORCE, stateOn(t, "2011-01-01"));
        }

        @Test
        void beforeAnyImpositionTheEarliestOneIsNamedWhateverTheListOrder() {
            Timeline t = Fixtures.provision()
                    .event("reenacted", "2010-01-01", Effect.IMPOSE)
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("repeal", "2005-01-01", Effect.TERMINATE)
                    .timeline();
            assertEquals(List.of("enacted"), governing(t, "1999-01-01"));
            assertTrue(t.answer(LocalDate.parse("1999-01-01")).explanation().contains("2000-01-01"));
        }

        @Test
        void anInferredLapseBeforeCheckedThroughIsInForce() {
            Timeline t = Fixtures.provision().renewal("P12M").checkedThrough("2026-02-14")
                    .event("enacted", "1992-10-24", Effect.IMPOSE)
                    .event("waiver", "2024-08-08", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.IN_FORCE, stateOn(t, "2025-08-08"));
        }
    }

    @Nested
    class Windows {
        @Test
        void aChangeDatedByMonthMakesEveryDayOfTheMonthUncertainWhenTheSidesDiffer() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2020-03", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.IN_FORCE, stateOn(t, "2020-02-29"));
            for (String day : List.of("2020-03-01", "2020-03-15", "2020-03-31")) {
                StatusAnswer a = t.answer(LocalDate.parse(day));
                assertEquals(State.UNCERTAIN, a.state(), day);
                assertEquals(List.of(State.IN_FORCE, State.SUSPENDED), a.candidates());
                assertEquals("2020-03", a.since().toString());
            }
            assertEquals(State.SUSPENDED, stateOn(t, "2020-04-01"));
            assertEquals("2020-03", t.answer(LocalDate.parse("2020-06-01")).since().toString(),
                    "since keeps the partial date, never 2020-03-01");
        }

        @Test
        void aDayRangeIsUncertainOnBothEndsInclusive() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .until("waiver", "2022-06-21", "2023-06-21/2023-10-01")
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2023-06-20"));
            assertEquals(State.UNCERTAIN, stateOn(t, "2023-06-21"));
            assertEquals(State.UNCERTAIN, stateOn(t, "2023-10-01"));
            assertEquals(State.IN_FORCE, stateOn(t, "2023-10-02"));
            assertEquals("2023-06-21/2023-10-01", t.answer(LocalDate.parse("2024-06-01")).since().toString());
            assertEquals("2023-06-21/2023-10-01", t.answer(LocalDate.parse("2023-01-01")).until().toString());
        }

        @Test
        void aWindowWhoseSidesAgreeIsNotUncertain() {
            // Yearly renewals of unknown day: each year's lapse and renewal fall in the same window.
            Timeline t = Fixtures.provision().renewal("P12M")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("w2004", "2004-01-17", Effect.SUSPEND)
                    .event("w2005", "2005", Effect.SUSPEND, Confidence.SECONDARY)
                    .event("w2006", "2006", Effect.SUSPEND, Confidence.SECONDARY)
                    .timeline();
            assertEquals(State.SUSPENDED, stateOn(t, "2005-01-01"));
            assertEquals(State.SUSPENDED, stateOn(t, "2005-06-01"));
            assertEquals(State.SUSPENDED, stateOn(t, "2006-12-31"));
            StatusAnswer a = t.answer(LocalDate.parse("2006-06-01"));
            assertEquals(List.of("enacted", "w2005", "w2006"), a.governingEvents().stream()
                    .map(GoverningEvent::id).toList(), "either renewal may govern a day inside the window");
            assertEquals(Confidence.SECONDARY, a.confidence());
            // The last renewal's lapse has nothing after it.
            assertEquals(State.UNCERTAIN, stateOn(t, "2007-06-01"));
            assertEquals(State.IN_FORCE, stateOn(t, "2008-01-01"));
        }

        @Test
        void aStateKeepsItsSinceThroughALaterWindowThatChangesNothing() {
            Timeline t = Fixtures.provision().renewal("P12M")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("w2019", "2019", Effect.SUSPEND)
                    .event("w2020", "2020-03", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.UNCERTAIN, stateOn(t, "2019-06-01"));
            StatusAnswer a = t.answer(LocalDate.parse("2020-06-01"));
            assertEquals(State.SUSPENDED, a.state());
            assertEquals("2019", a.since().toString(), "suspended since the 2019 waiver, whatever its day");
            assertEquals("2021-03~", a.until().toString());
            StatusAnswer window = t.answer(LocalDate.parse("2019-06-01"));
            assertEquals("2019", window.since().toString());
            assertEquals("2020-01-01", window.until().toString(), "an uncertain window ends on a known day");
            assertEquals(List.of("enacted", "w2019"), window.governingEvents().stream()
                    .map(GoverningEvent::id).toList(), "each event once");
        }

        @Test
        void aSuspensionThatStartsAndEndsInsideOneWindowIsNotHidden() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .until("waiver", "2020-03", "2020-03-20")
                    .timeline();
            StatusAnswer a = t.answer(LocalDate.parse("2020-03-10"));
            assertEquals(State.UNCERTAIN, a.state());
            assertEquals(List.of(State.IN_FORCE, State.SUSPENDED), a.candidates());
            assertEquals(State.IN_FORCE, stateOn(t, "2020-04-01"));
        }

        @Test
        void aYearPreciseWaiverShorterThanItsWindowIsNotHidden() {
            Timeline t = Fixtures.provision().renewal("P6M")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2020", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.UNCERTAIN, stateOn(t, "2020-06-01"));
            assertEquals(State.UNCERTAIN, stateOn(t, "2021-03-01"));
            assertEquals(State.IN_FORCE, stateOn(t, "2021-07-01"));
        }

        @Test
        void uncertainCandidatesAreInStateOrderSoIntervalsMerge() {
            Timeline t = Fixtures.provision().renewal("P12M").checkedThrough("2024-01-01")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2023-06", Effect.SUSPEND)
                    .timeline();
            assertEquals(List.of(State.IN_FORCE, State.SUSPENDED), t.answer(LocalDate.parse("2024-06-15")).candidates());
            assertEquals(List.of(State.IN_FORCE, State.SUSPENDED), t.answer(LocalDate.parse("2024-08-15")).candidates());
            Interval last = t.intervals().get(t.intervals().size() - 1);
            assertEquals(LocalDate.parse("2024-06-01"), last.from(), "one uncertain interval from the lapse window on");
        }

        @Test
        void aDayPreciseChangeOfApproximateDateIsNotUncertain() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2020-04-23~", Effect.SUSPEND)
                    .timeline();
            assertEquals(State.IN_FORCE, stateOn(t, "2020-04-22"));
            assertEquals(State.SUSPENDED, stateOn(t, "2020-04-23"));
            assertEquals("2020-04-23~", t.answer(LocalDate.parse("2020-05-01")).since().toString());
        }

        @Test
        void anUncertainAnswerListsTheEventsInvolved() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2019", Effect.SUSPEND, Confidence.SECONDARY)
                    .timeline();
            StatusAnswer a = t.answer(LocalDate.parse("2019-07-01"));
            assertEquals(List.of("enacted", "waiver"), a.governingEvents().stream().map(GoverningEvent::id).toList());
            assertTrue(a.explanation().contains("some day between 2019-01-01 and 2019-12-31"), a.explanation());
            assertEquals(Confidence.SECONDARY, a.confidence());
        }
    }

    @Nested
    class Categories {
        private final Fixtures f = Fixtures.provision()
                .event("enacted", "2000-01-01", Effect.IMPOSE)
                .forCategories("food-exempt", "2001-01-01", Effect.EXEMPT, "food")
                .forCategories("general-waiver", "2002-01-01", Effect.SUSPEND, "general");

        @Test
        void anExemptionAppliesOnlyToItsCategories() {
            assertEquals(State.IN_FORCE, stateOn(f.timeline("food"), "2000-12-31"));
            assertEquals(State.EXEMPT, stateOn(f.timeline("food"), "2001-01-01"));
            assertEquals(State.IN_FORCE, stateOn(f.timeline("general"), "2001-06-01"));
        }

        @Test
        void aSuspensionForOneCategoryLeavesTheOthers() {
            assertEquals(State.SUSPENDED, stateOn(f.timeline("general"), "2002-06-01"));
            assertEquals(State.EXEMPT, stateOn(f.timeline("food"), "2002-06-01"));
        }

        @Test
        void anExemptionCanEnd() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("food", "2001-01-01", Effect.EXEMPT, null, "2003-01-01", List.of("food"),
                            Confidence.CONFIRMED)
                    .timeline("food");
            assertEquals(State.EXEMPT, stateOn(t, "2002-12-31"));
            assertEquals(State.IN_FORCE, stateOn(t, "2003-01-01"));
        }

        @Test
        void anUnknownCategoryIsRefused() {
            assertThrows(IllegalArgumentException.class, () -> Timeline.of(f.build(), "weapons"));
        }
    }

    /** Oracle cross-checks: every day of a long span, the three ways of asking agree. */
    @Nested
    class CrossCheck {
        private final Timeline t = Fixtures.provision().renewal("P12M").checkedThrough("2012-06-30")
                .event("enacted", "2000-01-10", Effect.IMPOSE)
                .event("w1", "2002", Effect.SUSPEND)
                .event("w2", "2003-02", Effect.SUSPEND)
                .until("w3", "2005-03-01", "2006-01-01/2006-02-15")
                .event("r", "2005-10-01", Effect.REINSTATE)
                .forCategories("food", "2007-06-01", Effect.EXEMPT, "food")
                .event("w4", "2011-07-01", Effect.SUSPEND)
                .timeline();

        @Test
        void answerBriefAndIntervalsAgreeOnEveryDay() {
            for (LocalDate d = LocalDate.parse("1999-01-01"); d.isBefore(LocalDate.parse("2014-01-01"));
                 d = d.plusDays(1)) {
                StatusAnswer a = t.answer(d);
                StatusBrief b = t.brief(d);
                LocalDate day = d;
                Interval i = t.intervals().stream().filter(x -> x.contains(day)).findFirst().orElseThrow();
                assertEquals(a.state(), b.state(), d.toString());
                assertEquals(a.state(), i.state(), d.toString());
                assertEquals(a.since(), b.since(), d.toString());
                assertEquals(a.until(), b.until(), d.toString());
                assertEquals(a.confidence(), b.confidence(), d.toString());
                assertEquals(a.governingEvents().stream().filter(g -> !g.derived()).map(GoverningEvent::id).toList(),
                        b.governingEventIds(), d.toString());
            }
        }

        @Test
        void intervalsAreContiguousAndMaximal() {
            List<Interval> all = t.intervals();
            for (int k = 1; k < all.size(); k++) {
                assertEquals(all.get(k - 1).to(), all.get(k).from());
                assertTrue(all.get(k - 1).state() != all.get(k).state()
                        || !java.util.Set.copyOf(all.get(k - 1).candidates())
                        .equals(java.util.Set.copyOf(all.get(k).candidates())));
            }
        }
    }

    @Nested
    class Honesty {
        @Test
        void theAnswerIsOnlyAsConfidentAsItsWeakestGoverningEvent() {
            Timeline t = Fixtures.provision()
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .event("waiver", "2001-01-01", Effect.SUSPEND, Confidence.DISPUTED)
                    .timeline();
            assertEquals(Confidence.CONFIRMED, t.answer(LocalDate.parse("2000-06-01")).confidence());
            StatusAnswer a = t.answer(LocalDate.parse("2001-06-01"));
            assertEquals(Confidence.DISPUTED, a.confidence());
            assertTrue(a.warnings().stream().anyMatch(w -> w.contains("waiver is disputed")));
        }

        @Test
        void aDayInACoverageGapCarriesAWarning() {
            Timeline t = Fixtures.provision()
                    .gap("2004-01-01", "2017-01-01", "renewal dates not found")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .timeline();
            assertTrue(t.answer(LocalDate.parse("2003-12-31")).warnings().isEmpty());
            assertEquals(1, t.answer(LocalDate.parse("2004-01-01")).warnings().size());
            assertTrue(t.answer(LocalDate.parse("2016-12-31")).warnings().get(0)
                    .contains("renewal dates not found"));
            assertTrue(t.answer(LocalDate.parse("2017-01-01")).warnings().isEmpty());
        }

        @Test
        void everyAnswerShowsCheckedThroughAndSources() {
            Timeline t = Fixtures.provision().checkedThrough("2026-02-14")
                    .event("enacted", "2000-01-01", Effect.IMPOSE)
                    .timeline();
            StatusAnswer a = t.answer(LocalDate.parse("2001-01-01"));
            assertEquals(LocalDate.parse("2026-02-14"), a.checkedThrough());
            assertEquals("https://example.org/enacted", a.sources().get(0).url());
        }

        @Test
        void aProvisionWithoutEventsIsNotInForceEveryDay() {
            Timeline t = Fixtures.provision().timeline();
            assertEquals(1, t.intervals().size());
            assertEquals(State.NOT_IN_FORCE, stateOn(t, "2020-01-01"));
        }
    }
}
