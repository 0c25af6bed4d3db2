package org.provisiontimeline.status;

/** An aid category the provision distinguishes; {@code general} always exists and is the default. */
public record Category(String id, String label) {
    public static final String GENERAL = "general";
}
