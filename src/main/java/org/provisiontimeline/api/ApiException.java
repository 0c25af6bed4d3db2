package org.provisiontimeline.api;

import java.util.List;
import org.provisiontimeline.api.Problem.ProblemError;

/**
 * A request the API refuses, carrying everything its problem detail needs. The factories name the cases, so a
 * resource says {@code throw ApiException.unknownProvision(id)} and the mapper stays one method.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<ProblemError> errors;
    private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

    public ApiException(int status, String slug, String title, String detail, List<ProblemError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public static ApiException badParameter(String parameter, String value, String expected) {
        String detail = value == null ? "Query parameter '" + parameter + "' is required: expected " + expected
                : "Query parameter '" + parameter + "' has the invalid value '" + value + "': expected " + expected;
        return new ApiException(400, "invalid-parameter", "Invalid query parameter", detail,
                List.of(ProblemError.atParameter(parameter, detail)));
    }

    public static ApiException unknownProvision(String id) {
        return new ApiException(404, "unknown-provision", "Unknown provision",
                "No provision has the id '" + id + "'; GET /api/provisions lists them.", null);
    }

    public static ApiException unknownEvent(String provisionId, String eventId) {
        return new ApiException(404, "unknown-event", "Unknown event",
                "Provision '" + provisionId + "' has no event '" + eventId + "'; GET /api/provisions/" + provisionId
                        + "/events lists them.", null);
    }

    /** A response header the problem needs, such as {@code Retry-After}. */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String type() {
        return "/problems/" + slug;
    }

    public String title() {
        return title;
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
