package org.provisiontimeline.status;

/** An aid category the provision distinguishes; {@code general} always exists and is the default. */
public record Category(String id, String label) {
    public static final String GENERAL = "general";

    public Category {
        id = SharedText.of(id);
        label = SharedText.of(label);
    }
}
