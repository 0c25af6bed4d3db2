package org.provisiontimeline.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What the rendered-answer cache relies on: two days in one piece have the same answer but for the date, and
 * a piece starts wherever the answer changes (a change of state, a coverage gap's ends, the day after
 * {@code checkedThrough}).
 */
class TimelinePiecesTest {

    private static StatusAnswer undated(Timeline t, LocalDate day) {
        StatusAnswer a = t.answer(day);
        return new StatusAnswer(a.provisionId(), null, a.category(), a.restricted(), a.state(), a.since(), a.until(),
                a.confidence(), a.explanation(), a.governingEvents(), a.candidates(), a.warnings(),
                a.checkedThrough(), a.sources(), a.datasetVersion(), a.asOf());
    }

    @Test
    void daysOfOnePieceShareTheirAnswerAndPiecesStartWhereItChanges() {
        Timeline t = Fixtures.provision().renewal("P12M").checkedThrough("2015-06-30")
                .gap("2003-01-01", "2003-02-01", "January 2003 not read")
                .gap("2010-05-10", "2012-01-01", "gazettes missing")
                .event("enacted", "2000-03-01", Effect.IMPOSE)
                .event("waiver-1", "2002", Effect.SUSPEND)
                .until("waiver-2", "2005-02-01", "2005-08-01")
                .event("waiver-3", "2011-04", Effect.SUSPEND, Confidence.DISPUTED)
                .event("lapse", "2012-03-01/2012-04-15", Effect.REINSTATE)
                .event("waiver-4", "2015-01-10", Effect.SUSPEND)
                .timeline();
        int changes = 0;
        LocalDate previous = LocalDate.of(1999, 1, 1);
        for (LocalDate d = previous.plusDays(1); d.isBefore(LocalDate.of(2018, 1, 1)); d = d.plusDays(1)) {
            boolean samePiece = t.pieceOf(d) == t.pieceOf(previous);
            boolean sameAnswer = undated(t, d).equals(undated(t, previous));
            if (samePiece) {
                assertTrue(sameAnswer, "one piece, one answer: " + previous + " and " + d);
            } else {
                assertEquals(t.pieceOf(previous) + 1, t.pieceOf(d), "pieces are consecutive at " + d);
                changes++;
            }
            previous = d;
        }
        assertTrue(changes >= 8, "the record changes often enough to test something: " + changes);
        assertTrue(t.pieces() > t.intervals().size(), "warnings cut pieces finer than intervals");
    }
}
