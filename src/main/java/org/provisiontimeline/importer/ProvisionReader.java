package org.provisiontimeline.importer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.provisiontimeline.status.Event;
import org.provisiontimeline.status.Provision;

/**
 * The one way a provision document enters the system, whether from {@code data/*.json}, a request body or an import
 * bundle: strict JSON binding (no unknown fields, no coercions, no duplicate keys) followed by the domain rules of
 * {@link ProvisionValidator}. Every problem found is reported, each with its JSON pointer; a document with any
 * problem is rejected whole.
 */
public final class ProvisionReader {

    /** Fields a client may have copied from a GET response; they are computed, so they are ignored on input. */
    static final Set<String> READ_ONLY_FIELDS = Set.of("datasetVersion", "versionNo", "recordedAt", "etag");

    /** No field of a provision document is a number longer than this; longer ones are refused while parsing. */
    static final int MAX_NUMBER_LENGTH = 100;

    private static final Pattern COERCION = Pattern.compile("Cannot coerce (\\w+) value \\(([^)]*)\\)");

    private final JsonMapper mapper;

    public ProvisionReader() {
        this.mapper = JsonMapper.builder()
                .addModule(new PartialDateModule())
                .findAndAddModules()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        // Strict JSON types: a number or boolean is never silently turned into a string ("title": 12345, "id": true).
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH).maxNestingDepth(DocumentLimits.MAX_DEPTH * 4).build());
    }

    /** Reads one provision document (the shape of a data file). */
    public Provision readProvision(byte[] json) {
        JsonNode root = parseObject(json, "a provision");
        List<ValidationError> errors = new ArrayList<>();
        Provision p = bind(root, "", errors);
        throwIf(errors);
        return p;
    }

    /** Reads a bundle {@code {"provisions": [ … ]}}; provision ids must be unique within it. */
    public List<Provision> readBundle(byte[] json) {
        JsonNode root = parseObject(json, "a bundle {\"provisions\": [ … ]}");
        List<ValidationError> errors = new ArrayList<>();
        if (!root.path("provisions").isArray()) {
            throw new InvalidDocumentException(List.of(new ValidationError("",
                    "expected an object {\"provisions\": [ … ]}")));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("provisions")) {
                errors.add(new ValidationError("/" + name, "unknown field '" + name + "'"));
            }
        });
        List<Provision> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = root.get("provisions");
        if (list.isEmpty()) {
            errors.add(new ValidationError("/provisions", "the bundle holds no provision"));
        }
        for (int i = 0; i < list.size(); i++) {
            Provision p = bind(list.get(i), "/provisions/" + i, errors);
            if (p != null && p.id() != null && !ids.add(p.id())) {
                errors.add(new ValidationError("/provisions/" + i + "/id",
                        "provision '" + p.id() + "' appears twice in the bundle"));
            }
            out.add(p);
        }
        throwIf(errors);
        return out;
    }

    /**
     * Checks a whole provision assembled from edits (an event added to or replaced in the current document).
     *
     * @throws InvalidDocumentException listing every problem, with pointers into the provision document
     */
    public static void check(Provision p) {
        List<ValidationError> errors = new ArrayList<>();
        ProvisionValidator.check(p, "", errors);
        throwIf(errors);
    }

    /** Reads one event document, checked against the provision it will join. */
    public Event readEvent(byte[] json, Provision into) {
        JsonNode root = parseObject(json, "an event");
        List<ValidationError> errors = new ArrayList<>();
        ErrorCollector collector = new ErrorCollector("");
        Event e = bindValue(stripReadOnly(root), Event.class, collector);
        errors.addAll(collector.errors());
        if (e != null && errors.isEmpty()) {
            new ProvisionValidator(into, errors).checkEvent(e, "");
        }
        throwIf(errors);
        return e;
    }

    private Provision bind(JsonNode node, String prefix, List<ValidationError> errors) {
        if (!node.isObject()) {
            errors.add(new ValidationError(prefix, "expected an object (a provision)"));
            return null;
        }
        ErrorCollector collector = new ErrorCollector(prefix);
        Provision p = bindValue(stripReadOnly(node), Provision.class, collector);
        errors.addAll(collector.errors());
        if (p != null && collector.errors().isEmpty()) {
            ProvisionValidator.check(p, prefix, errors);
        }
        return p;
    }

    private <T> T bindValue(JsonNode node, Class<T> type, ErrorCollector collector) {
        ObjectReader reader = mapper.readerFor(type).withHandler(collector);
        try {
            return reader.readValue(node);
        } catch (InvalidFormatException e) {
            Object value = e.getValue();
            collector.add(pointerOf(e), "expected " + ErrorCollector.describe(e.getTargetType()) + " but found "
                    + (value instanceof String text ? "the string '" + text + "'" : String.valueOf(value)));
            return null;
        } catch (MismatchedInputException e) {
            // A refused coercion, e.g. "yes" for a boolean: Jackson names the value only inside its message.
            Matcher m = COERCION.matcher(String.valueOf(e.getOriginalMessage()));
            collector.add(pointerOf(e), e.getTargetType() == null ? cleanMessage(e)
                    : "expected " + ErrorCollector.describe(e.getTargetType()) + " but found "
                    + (m.find() ? "the " + m.group(1).toLowerCase(java.util.Locale.ROOT) + " " + m.group(2)
                    : "a value of another type"));
            return null;
        } catch (JsonMappingException e) {
            collector.add(pointerOf(e), cleanMessage(e));
            return null;
        } catch (IOException e) {
            collector.add("", cleanMessage(e));
            return null;
        }
    }

    private static JsonNode stripReadOnly(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            copy.remove(READ_ONLY_FIELDS);
            if (copy.get("events") instanceof com.fasterxml.jackson.databind.node.ArrayNode events) {
                for (int i = 0; i < events.size(); i++) {
                    events.set(i, stripReadOnly(events.get(i)));
                }
            }
            return copy;
        }
        return node;
    }

    /** Parses a document that must be a JSON object ({@code null}, arrays and scalars are refused). */
    private JsonNode parseObject(byte[] json, String expected) {
        JsonNode root = parse(json);
        if (!root.isObject()) {
            throw new InvalidDocumentException(List.of(new ValidationError("",
                    "expected " + expected + " as a JSON object, found " + root.getNodeType().name()
                            .toLowerCase(java.util.Locale.ROOT))));
        }
        return root;
    }

    private JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidDocumentException(List.of(new ValidationError("", "the body is empty; expected JSON")));
        }
        try {
            List<ValidationError> errors = new ArrayList<>();
            try (JsonParser stream = mapper.getFactory().createParser(json)) {
                DocumentLimits.check(stream, errors);   // before the tree is built: its size is bounded too
            }
            throwIf(errors);
            JsonNode root = mapper.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new InvalidDocumentException(List.of(new ValidationError("", "expected JSON, found nothing")));
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new InvalidDocumentException(List.of(new ValidationError("", "the document exceeds a limit: "
                    + "numbers are at most " + MAX_NUMBER_LENGTH + " digits, nesting at most "
                    + DocumentLimits.MAX_DEPTH + " levels")));
        } catch (JsonParseException e) {
            var loc = e.getLocation();
            throw new InvalidDocumentException(List.of(new ValidationError("",
                    "malformed JSON at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": "
                            + withoutInternalNames(e.getOriginalMessage()))));
        } catch (JsonProcessingException e) {
            throw new InvalidDocumentException(List.of(new ValidationError(pointerOf(e), cleanMessage(e))));
        } catch (IOException e) {
            throw new InvalidDocumentException(List.of(new ValidationError("", "unreadable JSON: " + e.getMessage())));
        }
    }

    private static String pointerOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException m) {
            return m.getPath().stream()
                    .map(r -> "/" + (r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())))
                    .collect(Collectors.joining());
        }
        return "";
    }

    private static String cleanMessage(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        // Jackson names internal classes; keep the reader's words only.
        return m == null ? "unreadable value" : withoutInternalNames(m.replaceAll("`?org\\.provisiontimeline\\.status\\.", "`")
                .replaceAll("\\(class [^)]*\\)", "")).trim();
    }

    /**
     * Jackson's messages name its own classes and features ({@code com.fasterxml.jackson.databind.JsonNode},
     * {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}); a problem detail must not.
     */
    static String withoutInternalNames(String message) {
        if (message == null) {
            return "";
        }
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the end of the JSON value";
        }
        return message
                .replaceAll("`?(com\\.fasterxml|java|javax|jakarta|org|io)\\.(?:[a-z0-9_]+\\.)+[A-Z][A-Za-z0-9_$]*`?", "a value")
                .replaceAll("\\(?[Ss]ee `?[A-Za-z]+Feature\\.[A-Z_]+`?[^)]*\\)?", "")
                .replaceAll("`?[A-Za-z]+Feature\\.[A-Z_]+`?", "this")
                .replaceAll("[A-Za-z]+Exception", "error")
                .trim();
    }

    private static void throwIf(List<ValidationError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidDocumentException(errors);
        }
    }
}
