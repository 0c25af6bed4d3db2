package org.provisiontimeline.status;

/**
 * An event that decides an answer, with the part it plays ({@code role}): "imposes", "suspends", "ended by",
 * "lapsed", "exempts", "terminates", "not yet in force". A derived event (an inferred lapse) has
 * {@code derived = true} and an id of the form {@code <suspension-id>/lapse}.
 */
public record GoverningEvent(String id, PartialDate date, EventType type, String title, Instrument instrument,
                             Confidence confidence, String role, boolean derived) {

    static GoverningEvent of(Event e, String role) {
        return new GoverningEvent(e.id(), e.date(), e.type(), e.title(), e.instrument(), e.confidence(), role, false);
    }

    static GoverningEvent lapseOf(Event suspension, PartialDate when) {
        return new GoverningEvent(suspension.id() + "/lapse", when, EventType.WAIVER_LAPSED,
                "Inferred lapse of: " + suspension.title() + " (no renewal recorded)", null, Confidence.INFERRED,
                "lapsed", true);
    }
}
