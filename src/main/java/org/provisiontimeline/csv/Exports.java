package org.provisiontimeline.csv;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.provisiontimeline.status.ActionDates;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.Interval;
import org.provisiontimeline.status.PartialDate;
import org.provisiontimeline.status.Source;
import org.provisiontimeline.status.State;

/** The column lists of the exports (spec §5). Columns are only ever added at the end, never renamed. */
final class Exports {

    /** Separates several values in one cell (sources of an event, ids of an interval). */
    static final String LIST_SEPARATOR = " | ";

    private Exports() {
    }

    /** An event row with what it needs from outside the event. */
    record EventRow(String provisionId, String datasetVersion, Event e) {
    }

    /** An interval row with what it needs from outside the interval. */
    record IntervalRow(String provisionId, String category, String datasetVersion, Interval i) {
    }

    /** A provision row: the provision and its status today. */
    record ProvisionRow(String id, String title, String shortTitle, String citation, String jurisdiction,
                        String target, String checkedThrough, int eventCount, String statusDate, State state,
                        Boolean restricted, PartialDate since, PartialDate until, String confidence,
                        String datasetVersion) {
    }

    static final CsvTable<EventRow> EVENTS = new CsvTable<>("Events of a provision", List.of(
            col("provision_id", Column.STRING, "provision id", r -> r.provisionId()),
            col("event_id", Column.STRING, "event id, stable within the provision", r -> r.e().id()),
            col("date", Column.PARTIAL_DATE, "when it happened, as precise as known: YYYY, YYYY-MM, YYYY-MM-DD, "
                    + "or a window YYYY-MM-DD/YYYY-MM-DD; trailing ~ = approximate", r -> text(r.e().date())),
            col("date_precision", Column.STRING, "year, month, day or range", r -> r.e().date().precision().label()),
            col("type", Column.STRING, "descriptive event type (see the API's EventType enum)",
                    r -> r.e().type().name()),
            col("effect", Column.STRING, "IMPOSE, SUSPEND, REINSTATE, TERMINATE, EXEMPT or NONE",
                    r -> r.e().effect().name()),
            col("legal_effect", Column.BOOLEAN, "did the event change the law?", r -> bool(r.e().legalEffect())),
            col("effective_from", Column.PARTIAL_DATE, "when the effect starts (blank: the date)",
                    r -> text(r.e().effectiveFrom())),
            col("effective_until", Column.PARTIAL_DATE, "exclusive end of a suspension or exemption",
                    r -> text(r.e().effectiveUntil())),
            col("signed", Column.PARTIAL_DATE, "date signed", r -> actionDate(r.e(), ActionDates::signed)),
            col("effective", Column.PARTIAL_DATE, "date effective", r -> actionDate(r.e(), ActionDates::effective)),
            col("published", Column.PARTIAL_DATE, "date published", r -> actionDate(r.e(), ActionDates::published)),
            col("reported_to_congress", Column.PARTIAL_DATE, "date reported to Congress",
                    r -> actionDate(r.e(), ActionDates::reportedToCongress)),
            col("title", Column.STRING, "short title", r -> r.e().title()),
            col("actor", Column.STRING, "who acted", r -> r.e().actor()),
            col("instrument_citation", Column.STRING, "instrument kind, number and citation",
                    r -> r.e().instrument() == null ? null : joinNonNull(", ", r.e().instrument().kind(),
                            r.e().instrument().number(), r.e().instrument().citation())),
            col("instrument_url", Column.URL, "instrument URL",
                    r -> r.e().instrument() == null ? null : r.e().instrument().url()),
            col("confidence", Column.STRING, "CONFIRMED, SECONDARY, INFERRED or DISPUTED",
                    r -> r.e().confidence().name()),
            list("source_titles", Column.STRING, "titles of the sources, separated by ' | '",
                    r -> r.e().sources().stream().map(Source::title).collect(Collectors.joining(LIST_SEPARATOR))),
            list("source_urls", Column.URL, "URLs of the sources in the same order, separated by ' | ' "
                    + "(blank between separators for a source without URL)",
                    r -> r.e().sources().stream().map(s -> s.url() == null ? "" : s.url())
                            .collect(Collectors.joining(LIST_SEPARATOR))),
            col("dataset_version", Column.STRING, "version (content hash) of the data", r -> r.datasetVersion()),
            list("categories", Column.STRING, "categories the event touches, separated by ' | ' (blank: all)",
                    r -> String.join(LIST_SEPARATOR, r.e().categories())),
            col("notes", Column.STRING, "why the confidence is what it is; for DISPUTED, what the record shows",
                    r -> r.e().notes()),
            // Sortable bounds of the partial dates (issue 10): appended, as every new column is, so positional
            // readers of the columns above keep working.
            col("date_earliest", Column.DATE, "first day the date may denote (sort by this)",
                    r -> day(r.e().date().earliest())),
            col("date_latest", Column.DATE, "last day the date may denote (inclusive)",
                    r -> day(r.e().date().latest())),
            col("effective_from_earliest", Column.DATE, "first day effective_from may denote",
                    r -> r.e().effectiveFrom() == null ? null : day(r.e().effectiveFrom().earliest())),
            col("effective_from_latest", Column.DATE, "last day effective_from may denote (inclusive)",
                    r -> r.e().effectiveFrom() == null ? null : day(r.e().effectiveFrom().latest())),
            col("effective_until_earliest", Column.DATE, "first day effective_until may denote",
                    r -> r.e().effectiveUntil() == null ? null : day(r.e().effectiveUntil().earliest())),
            col("effective_until_latest", Column.DATE, "last day effective_until may denote (inclusive)",
                    r -> r.e().effectiveUntil() == null ? null : day(r.e().effectiveUntil().latest()))));

    static final CsvTable<IntervalRow> TIMELINE = new CsvTable<>("Timeline of a provision", List.of(
            col("provision_id", Column.STRING, "provision id", r -> r.provisionId()),
            col("from", Column.DATE, "first day of the interval (blank: unbounded past)",
                    r -> r.i().from() == null ? null : r.i().from().toString()),
            col("to", Column.DATE, "exclusive end of the interval (blank: open)",
                    r -> r.i().to() == null ? null : r.i().to().toString()),
            col("state", Column.STRING, "NOT_IN_FORCE, IN_FORCE, SUSPENDED, EXEMPT or UNCERTAIN",
                    r -> r.i().state().name()),
            col("restricted", Column.BOOLEAN, "true only when IN_FORCE; blank when UNCERTAIN",
                    r -> bool(r.i().restricted())),
            col("confidence", Column.STRING, "weakest confidence of the governing events",
                    r -> r.i().confidence().name()),
            list("event_ids", Column.STRING, "governing event ids, separated by ' | '",
                    r -> String.join(LIST_SEPARATOR, r.i().eventIds())),
            col("dataset_version", Column.STRING, "version (content hash) of the data", r -> r.datasetVersion()),
            col("category", Column.STRING, "aid category the timeline is for", r -> r.category()),
            list("candidates", Column.STRING, "possible states of an UNCERTAIN interval, separated by ' | '",
                    r -> r.i().candidates().stream().map(State::name).collect(Collectors.joining(LIST_SEPARATOR)))));

    static final CsvTable<ProvisionRow> PROVISIONS = new CsvTable<>("Provisions with their status today", List.of(
            col("provision_id", Column.STRING, "provision id", ProvisionRow::id),
            col("title", Column.STRING, "title", ProvisionRow::title),
            col("short_title", Column.STRING, "short title", ProvisionRow::shortTitle),
            col("citation", Column.STRING, "legal citation", ProvisionRow::citation),
            col("jurisdiction", Column.STRING, "jurisdiction", ProvisionRow::jurisdiction),
            col("target", Column.STRING, "whom the restriction targets", ProvisionRow::target),
            col("checked_through", Column.DATE, "last day up to which the record was checked",
                    ProvisionRow::checkedThrough),
            col("event_count", Column.INTEGER, "number of events", r -> Integer.toString(r.eventCount())),
            col("status_date", Column.DATE, "the day the status columns answer for (today, UTC)",
                    ProvisionRow::statusDate),
            col("state", Column.STRING, "state on status_date (general category)", r -> r.state().name()),
            col("restricted", Column.BOOLEAN, "true only when IN_FORCE; blank when UNCERTAIN",
                    r -> bool(r.restricted())),
            col("since", Column.PARTIAL_DATE, "when the state began", r -> text(r.since())),
            col("until", Column.PARTIAL_DATE, "when it ends, if recorded", r -> text(r.until())),
            col("confidence", Column.STRING, "confidence of the status", ProvisionRow::confidence),
            col("dataset_version", Column.STRING, "version (content hash) of the data",
                    ProvisionRow::datasetVersion)));

    private static <T> Column<T> col(String name, Object datatype, String description,
                                     java.util.function.Function<T, String> cell) {
        return new Column<>(name, datatype, description, cell);
    }

    /** A list-valued column: CSVW reads its cells as lists split on {@link #LIST_SEPARATOR}. */
    private static <T> Column<T> list(String name, Object datatype, String description,
                                      java.util.function.Function<T, String> cell) {
        return new Column<>(name, datatype, description, cell, LIST_SEPARATOR);
    }

    private static String day(java.time.LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String text(PartialDate d) {
        return d == null ? null : d.text();
    }

    static String bool(Boolean b) {
        return b == null ? null : b.toString();
    }

    private static String actionDate(Event e, java.util.function.Function<ActionDates, PartialDate> which) {
        return e.dates() == null ? null : text(which.apply(e.dates()));
    }

    private static String joinNonNull(String separator, String... parts) {
        String joined = java.util.Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining(separator));
        return joined.isEmpty() ? null : joined;
    }
}
