package org.provisiontimeline.importer;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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
    }

    /** Reads one provision document (the shape of a data file). */
    public Provision readProvision(byte[] json) {
        JsonNode root = parse(json);
        List<ValidationError> errors = new ArrayList<>();
        Provision p = bind(root, "", errors);
        throwIf(errors);
        return p;
    }

    /** Reads a bundle {@code {"provisions": [ … ]}}; provision ids must be unique within it. */
    public List<Provision> readBundle(byte[] json) {
        JsonNode root = parse(json);
        List<ValidationError> errors = new ArrayList<>();
        if (!root.isObject() || !root.path("provisions").isArray()) {
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
        JsonNode root = parse(json);
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

    private JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidDocumentException(List.of(new ValidationError("", "the body is empty; expected JSON")));
        }
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new InvalidDocumentException(List.of(new ValidationError("", "expected JSON, found nothing")));
            }
            return root;
        } catch (JsonParseException e) {
            var loc = e.getLocation();
            throw new InvalidDocumentException(List.of(new ValidationError("",
                    "malformed JSON at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": "
                            + e.getOriginalMessage())));
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
        return m == null ? "unreadable value" : m.replaceAll("`?org\\.provisiontimeline\\.status\\.", "`")
                .replaceAll("\\(class [^)]*\\)", "").trim();
    }

    private static void throwIf(List<ValidationError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidDocumentException(errors);
        }
    }
}
