package org.provisiontimeline.status;

/** The four dates of an executive action, any of which may be unknown. */
public record ActionDates(PartialDate signed, PartialDate effective, PartialDate published,
                          PartialDate reportedToCongress) {
}
