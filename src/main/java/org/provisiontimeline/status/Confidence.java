package org.provisiontimeline.status;

import java.util.Collection;

/** How well an event is attested, strongest first. */
public enum Confidence {
    /** A primary source was read. */
    CONFIRMED,
    /** Press or encyclopedia only. */
    SECONDARY,
    /** Derived, e.g. a lapse computed from the renewal period. */
    INFERRED,
    /** Sources conflict; the event's notes say how. */
    DISPUTED;

    /** The weakest of these confidences; {@code INFERRED} when there is none, since nothing attests the answer. */
    public static Confidence weakest(Collection<Confidence> confidences) {
        return confidences.stream().max(Enum::compareTo).orElse(INFERRED);
    }
}
