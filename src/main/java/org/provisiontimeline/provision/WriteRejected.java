package org.provisiontimeline.provision;

/** A write that the record refuses before anything is written; {@link #reason()} says which HTTP answer fits. */
public class WriteRejected extends RuntimeException {

    public enum Reason {
        /** No such provision or event. */
        NOT_FOUND,
        /** It already exists: creating it again would overwrite. */
        EXISTS,
        /** The write named no version ({@code If-Match}) to replace. */
        PRECONDITION_REQUIRED,
        /** The version named is not the current one: someone else wrote in between. */
        PRECONDITION_FAILED,
        /** Another write to the same provision committed at the same moment. */
        CONCURRENT
    }

    private final Reason reason;

    public WriteRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
