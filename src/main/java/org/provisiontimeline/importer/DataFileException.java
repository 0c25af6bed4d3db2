package org.provisiontimeline.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A data file that cannot be loaded; its message is meant to be read by whoever edits the file. */
public class DataFileException extends RuntimeException {

    private static final Pattern EVENT_POINTER = Pattern.compile("^/events/(\\d+)(/.*)?$");

    public DataFileException(String message) {
        super(message);
    }

    /**
     * One message for all problems of a file, each line naming the event (by id, when the pointer is inside an event
     * that has one), the field and the problem: {@code data/x.json: event 2002-01-25-pd (/events/13), field date: …}.
     */
    static DataFileException invalid(Path path, byte[] bytes, List<ValidationError> errors) {
        JsonNode root = readQuietly(bytes);
        StringBuilder sb = new StringBuilder().append(path).append(": invalid data file (")
                .append(errors.size()).append(" problem").append(errors.size() == 1 ? "" : "s").append(")");
        for (ValidationError e : errors) {
            sb.append(System.lineSeparator()).append("  - ").append(path).append(": ").append(locate(root, e.pointer()))
                    .append(": ").append(e.message());
        }
        return new DataFileException(sb.toString());
    }

    private static String locate(JsonNode root, String pointer) {
        String field = pointer.isEmpty() ? "(document)" : pointer.substring(pointer.lastIndexOf('/') + 1);
        Matcher m = EVENT_POINTER.matcher(pointer);
        if (m.matches()) {
            String id = root == null ? "" : root.path("events").path(Integer.parseInt(m.group(1))).path("id").asText("");
            String event = id.isEmpty() ? "event #" + m.group(1) : "event " + id;
            return event + ", field " + (m.group(2) == null ? "(event)" : m.group(2).substring(1)) + " (" + pointer + ")";
        }
        return "field " + field + " (" + (pointer.isEmpty() ? "/" : pointer) + ")";
    }

    private static JsonNode readQuietly(byte[] bytes) {
        try {
            return JsonMapper.builder().build().readTree(bytes);
        } catch (Exception e) {
            return null;   // malformed JSON: the error itself says where
        }
    }
}
