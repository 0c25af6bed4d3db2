package org.provisiontimeline.status;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * A legal provision and its dated history: the document an editor maintains and a data file holds.
 *
 * @param renewal        how long a suspension lasts when its instrument states no end; may be {@code null}
 * @param checkedThrough the last day up to which the record was checked; later events may be missing
 */
public record Provision(String id, String title, String shortTitle, String citation, String jurisdiction,
                        String target, String restriction, String summary, QuotedText text,
                        List<Category> categories, Period renewal, List<CoverageGap> coverage,
                        LocalDate checkedThrough, List<Event> events) {

    public Provision {
        categories = categories == null ? List.of() : List.copyOf(categories);
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public Optional<Category> category(String categoryId) {
        for (Category c : categories) {   // a loop, not a stream: every status request asks (issue 15)
            if (c.id().equals(categoryId)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public Optional<Event> event(String eventId) {
        return events.stream().filter(e -> e.id().equals(eventId)).findFirst();
    }

    /** A copy with another event list: how edits are made without mutating a published version. */
    public Provision withEvents(List<Event> newEvents) {
        return new Provision(id, title, shortTitle, citation, jurisdiction, target, restriction, summary, text,
                categories, renewal, coverage, checkedThrough, newEvents);
    }
}
