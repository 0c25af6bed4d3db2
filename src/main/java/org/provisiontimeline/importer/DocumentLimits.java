package org.provisiontimeline.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Bounds on a JSON document, checked in one streaming pass over its bytes before any tree or object is built, so no
 * single request can make the service build an unbounded object graph: every string, every list, the event count,
 * the nesting depth and the number of values have a stated limit (docs/security.md). It also refuses characters
 * that have no place in a legal record and can disguise text or forge log lines: control characters other than tab
 * and newline, unpaired surrogates and the bidirectional embedding/override/isolate controls (U+202A–U+202E,
 * U+2066–U+2069). Every violation is reported with its JSON pointer.
 */
public final class DocumentLimits {

    /** The most events one provision may hold: far above any real provision, low enough to build in well under 1 s. */
    public static final int MAX_EVENTS = 20_000;
    /** The most provisions one import bundle may hold. */
    public static final int MAX_BUNDLE_PROVISIONS = 1_000;
    /** The longest list other than {@code events} (sources, categories, coverage gaps, exemptions …). */
    public static final int MAX_LIST = 1_000;
    /** The longest string value (the text fields of docs/data-format.md are the longest). */
    public static final int MAX_STRING = 20_000;
    /** The longest field name. */
    public static final int MAX_FIELD_NAME = 100;
    /** The deepest nesting of objects and arrays; a provision document needs six. */
    public static final int MAX_DEPTH = 32;
    /**
     * The most JSON values (objects, arrays, strings, numbers …) in one document: bounds the parsed tree, whatever the
     * shape (a body of 16 MiB of {@code 1,1,1,…} would otherwise become millions of nodes). A 20,000-event
     * provision has about 40 values an event.
     */
    public static final int MAX_VALUES = 2_000_000;

    private static final int MAX_REPORTED = 100;

    private DocumentLimits() {
    }

    /** One open object or array: where it is, and for an array how many items it has so far. */
    private static final class Frame {
        final String pointer;
        final boolean array;
        final int maxItems;
        int items;
        String field;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
            this.maxItems = pointer.endsWith("/events") ? MAX_EVENTS
                    : pointer.equals("/provisions") ? MAX_BUNDLE_PROVISIONS : MAX_LIST;
        }
    }

    /**
     * Adds one error per violation (at most {@value #MAX_REPORTED}); stops at the first list, depth or size excess.
     *
     * @throws IOException when the bytes are not JSON; the caller reports the location
     */
    static void check(JsonParser parser, List<ValidationError> errors) throws IOException {
        Deque<Frame> open = new ArrayDeque<>();
        long values = 0;
        JsonToken t;
        while ((t = parser.nextToken()) != null && errors.size() < MAX_REPORTED) {
            Frame top = open.peek();
            if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                open.pop();
                continue;
            }
            if (t == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (name.length() > MAX_FIELD_NAME || firstForbidden(name) >= 0) {
                    errors.add(new ValidationError(top.pointer, "has a field name that is longer than "
                            + MAX_FIELD_NAME + " characters or holds a control character"));
                }
                top.field = name;
                continue;
            }
            String at;
            if (top == null) {
                at = "";
            } else if (top.array) {
                if (++top.items > top.maxItems) {
                    errors.add(new ValidationError(top.pointer, "holds more than " + top.maxItems
                            + " items; the limit is " + top.maxItems));
                    return;
                }
                at = top.pointer + "/" + (top.items - 1);
            } else {
                at = top.pointer + "/" + escape(top.field);
            }
            if (++values > MAX_VALUES) {
                errors.add(new ValidationError("", "the document holds more than " + MAX_VALUES + " values; the limit is "
                        + MAX_VALUES));
                return;
            }
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                if (open.size() >= MAX_DEPTH) {
                    errors.add(new ValidationError(at, "nested deeper than " + MAX_DEPTH + " levels"));
                    return;
                }
                open.push(new Frame(at, t == JsonToken.START_ARRAY));
            } else if (t == JsonToken.VALUE_STRING) {
                if (parser.getTextLength() > MAX_STRING) {
                    errors.add(new ValidationError(at, "is " + parser.getTextLength()
                            + " characters long; the limit is " + MAX_STRING));
                } else {
                    String value = parser.getText();
                    int bad = firstForbidden(value);
                    if (bad >= 0) {
                        errors.add(new ValidationError(at, String.format("holds the character U+%04X at position %d: "
                                + "control, bidirectional-override and unpaired surrogate characters are not accepted",
                                (int) value.charAt(bad), bad)));
                    }
                }
            }
        }
    }

    /** Index of the first character a record may not hold, or -1. */
    static int firstForbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f);
            boolean bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
            if (control || bidi || Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** RFC 6901 escaping of one pointer token. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
