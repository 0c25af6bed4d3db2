package org.provisiontimeline.status;

/** The state of a provision for one aid category on one day. */
public enum State {
    /** Before the first imposition, or after termination. */
    NOT_IN_FORCE,
    /** The restriction applies. */
    IN_FORCE,
    /** Waived or suspended. */
    SUSPENDED,
    /** The queried category is exempt. */
    EXEMPT,
    /** The record does not decide between several states; the answer lists them as candidates. */
    UNCERTAIN;

    /** {@code true} only when in force, {@code null} when uncertain, {@code false} otherwise. */
    public Boolean restricted() {
        return switch (this) {
            case IN_FORCE -> Boolean.TRUE;
            case UNCERTAIN -> null;
            case NOT_IN_FORCE, SUSPENDED, EXEMPT -> Boolean.FALSE;
        };
    }
}
