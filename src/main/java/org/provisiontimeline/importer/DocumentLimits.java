package org.provisiontimeline.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bounds on a parsed JSON document, checked before it is bound, so no single request can make the service build
 * an unbounded object graph: every string, every list, the event count and the nesting depth have a stated limit
 * (docs/security.md). It also refuses characters that have no place in a legal record and can disguise text or forge
 * log lines: control characters other than tab and newline, unpaired surrogates and the bidirectional
 * embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069).
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

    private static final int MAX_REPORTED = 100;

    private DocumentLimits() {
    }

    /** Adds one error per violation (at most {@value #MAX_REPORTED}), each with its JSON pointer. */
    static void check(JsonNode root, String prefix, List<ValidationError> errors) {
        walk(root, prefix, 0, errors);
    }

    private static void walk(JsonNode node, String at, int depth, List<ValidationError> errors) {
        if (errors.size() >= MAX_REPORTED) {
            return;
        }
        if (depth > MAX_DEPTH) {
            errors.add(new ValidationError(at, "nested deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        if (node.isTextual()) {
            text(node.textValue(), at, errors);
        } else if (node.isArray()) {
            int max = at.endsWith("/events") ? MAX_EVENTS : at.equals("/provisions") ? MAX_BUNDLE_PROVISIONS : MAX_LIST;
            if (node.size() > max) {
                errors.add(new ValidationError(at, "holds " + node.size() + " items; the limit is " + max));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), at + "/" + i, depth + 1, errors);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                if (name.length() > MAX_FIELD_NAME || firstForbidden(name) >= 0) {
                    errors.add(new ValidationError(at, "has a field name that is longer than " + MAX_FIELD_NAME
                            + " characters or holds a control character"));
                    continue;
                }
                walk(field.getValue(), at + "/" + escape(name), depth + 1, errors);
            }
        }
    }

    private static void text(String value, String at, List<ValidationError> errors) {
        if (value.length() > MAX_STRING) {
            errors.add(new ValidationError(at, "is " + value.length() + " characters long; the limit is "
                    + MAX_STRING));
            return;
        }
        int bad = firstForbidden(value);
        if (bad >= 0) {
            errors.add(new ValidationError(at, String.format("holds the character U+%04X at position %d: control, "
                    + "bidirectional-override and unpaired surrogate characters are not accepted", (int) value.charAt(bad),
                    bad)));
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
