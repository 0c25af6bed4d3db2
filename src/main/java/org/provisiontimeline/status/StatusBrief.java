package org.provisiontimeline.status;

import java.util.List;

/**
 * The short form of a {@link StatusAnswer} for bulk use (batch annotation): no explanation, sources or warnings, so
 * it can be precomputed per segment and looked up in logarithmic time.
 */
public record StatusBrief(State state, Boolean restricted, PartialDate since, PartialDate until,
                          Confidence confidence, List<String> governingEventIds) {
}
