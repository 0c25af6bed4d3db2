package org.provisiontimeline.status;

/** What an event does to the restriction; the only field of an event the engine acts on. */
public enum Effect {
    /** The restriction is in force from {@code effectiveFrom}. */
    IMPOSE,
    /** A waiver or suspension from {@code effectiveFrom} until {@code effectiveUntil}, the next one, or a reinstatement. */
    SUSPEND,
    /** Ends a running suspension early (or records its lapse). */
    REINSTATE,
    /** Repeal, or the lifting condition met: the provision no longer applies. */
    TERMINATE,
    /** The listed categories are no longer restricted from {@code effectiveFrom}. */
    EXEMPT,
    /** No effect on the state: bills, statements, reports, publications. */
    NONE
}
