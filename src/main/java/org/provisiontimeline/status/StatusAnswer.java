package org.provisiontimeline.status;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "was the restriction in force on this day, for this category, and why?".
 *
 * @param since          when the current state began, as precisely as the record knows it ({@code null}: always)
 * @param until          when it ends, if the record says ({@code null}: open)
 * @param candidates     the possible states when {@code state} is {@code UNCERTAIN}; empty otherwise
 * @param datasetVersion the version of the data the answer was computed from
 * @param asOf           the record instant asked for, or {@code null} for the current record
 */
public record StatusAnswer(String provisionId, LocalDate date, String category, Boolean restricted, State state,
                           PartialDate since, PartialDate until, Confidence confidence, String explanation,
                           List<GoverningEvent> governingEvents, List<State> candidates, List<String> warnings,
                           LocalDate checkedThrough, List<Source> sources, String datasetVersion, String asOf) {

    /** The same answer stamped with the dataset it came from. */
    public StatusAnswer withProvenance(String version, String recordInstant) {
        return new StatusAnswer(provisionId, date, category, restricted, state, since, until, confidence,
                explanation, governingEvents, candidates, warnings, checkedThrough, sources, version,
                recordInstant);
    }
}
