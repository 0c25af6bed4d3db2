package org.provisiontimeline.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns Jackson's first-error-wins binding into a list of every binding problem, each with its JSON pointer, so an
 * editor fixing a bundle sees all of them at once. Single use: one per document read.
 */
final class ErrorCollector extends DeserializationProblemHandler {

    private final String prefix;
    private final List<ValidationError> errors = new ArrayList<>();

    ErrorCollector(String prefix) {
        this.prefix = prefix;
    }

    List<ValidationError> errors() {
        return errors;
    }

    void add(String pointer, String message) {
        errors.add(new ValidationError(prefix + pointer, message));
    }

    private String here(JsonParser p) {
        return p.getParsingContext().pathAsPointer().toString();
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        add(here(p), "unknown field '" + propertyName + "'");
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                                         String failureMsg) {
        if (targetType.isEnum()) {
            add(here(ctxt.getParser()), "'" + value + "' is not one of " + Arrays.toString(targetType.getEnumConstants()));
        } else {
            add(here(ctxt.getParser()), failureMsg != null && failureMsg.contains("'" + value + "'") ? failureMsg
                    : "'" + value + "' is not a valid " + describe(targetType) + (failureMsg == null ? "" : ": " + failureMsg));
        }
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                                         String failureMsg) {
        add(here(ctxt.getParser()), value + " is not a valid " + describe(targetType));
        return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        add(here(p), "expected " + describe(targetType.getRawClass()) + " but found " + describe(t));
        p.skipChildren();
        return null;
    }

    static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.getPackageName().startsWith("java.time")) {
            return type.getSimpleName() + " in ISO 8601 form";
        }
        if (type.getSimpleName().equals("PartialDate")) {
            return "date";
        }
        return "object (" + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + ")";
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
