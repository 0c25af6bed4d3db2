package org.provisiontimeline.status;

import java.time.LocalDate;

/** A known gap in the record, closed-open {@code [from, to)}: "we don't know" is data. */
public record CoverageGap(LocalDate from, LocalDate to, String note) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(to);
    }
}
