package org.provisiontimeline.status;

import java.util.List;

/**
 * One dated happening in a provision's history. Only {@link #effect()} moves the engine; the rest is what a reader
 * needs to judge it.
 *
 * @param effectiveFrom  when the effect starts; {@code null} means {@link #date()}
 * @param effectiveUntil exclusive end of a suspension or exemption; {@code null} when the instrument states none
 * @param categories     the categories it touches; empty means all
 */
public record Event(String id, PartialDate date, EventType type, Effect effect, Boolean legalEffect,
                    PartialDate effectiveFrom, PartialDate effectiveUntil, ActionDates dates, List<String> categories,
                    String title, String summary, String actor, Instrument instrument, String conditional,
                    List<Source> sources, Confidence confidence, String notes) {

    public Event {
        categories = categories == null ? List.of() : List.copyOf(categories.stream().map(SharedText::of).toList());
        sources = sources == null ? List.of() : List.copyOf(sources);
        id = SharedText.of(id);
        title = SharedText.of(title);
        summary = SharedText.of(summary);
        actor = SharedText.of(actor);
        conditional = SharedText.of(conditional);
        notes = SharedText.of(notes);
    }

    /** When the effect starts: {@code effectiveFrom}, or the event's date. */
    public PartialDate start() {
        return effectiveFrom != null ? effectiveFrom : date;
    }

    /** Whether this event acts on the given category. */
    public boolean touches(String category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
