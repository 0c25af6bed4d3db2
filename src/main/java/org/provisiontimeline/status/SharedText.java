package org.provisiontimeline.status;

/**
 * One copy of each distinct text of the in-memory model. Records repeat the same short texts thousands of times
 * (publishers, languages, instrument kinds and numbers, summaries, event ids, dates); each parsed document would
 * otherwise hold a copy of its own. {@link String#intern()} is used because the JVM's string table lets go of
 * texts no version uses any more, so superseded versions do not leak.
 */
final class SharedText {

    private SharedText() {
    }

    /** The shared copy of {@code text}; {@code null} stays {@code null}. */
    static String of(String text) {
        return text == null ? null : text.intern();
    }
}
