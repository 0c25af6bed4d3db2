package org.provisiontimeline.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Request rules that hold for every endpoint of the API, checked before any resource runs. */
class RequestRules {

    private final Clock clock;

    RequestRules(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes need {@code Content-Type: application/json}. A cross-site page can send a "simple" request (no
     * Content-Type, or text/plain) with the browser's stored credentials and no CORS preflight; JSON cannot be sent
     * that way, so requiring it keeps other sites' pages away from the write endpoints.
     */
    @ServerRequestFilter
    void writesAreJson(ContainerRequestContext request, ResourceInfo resource) {
        String method = request.getMethod();
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(EditorsOnly.class)
                || !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType()
                || type.isWildcardSubtype()) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported Media Type",
                    "Writes take a JSON body sent with Content-Type: application/json (found "
                            + (type == null ? "none" : "'" + request.getHeaderString(HttpHeaders.CONTENT_TYPE) + "'")
                            + ").", null);
        }
    }

    /**
     * {@code asOf} names a moment of the record; the record's future is not written yet, so an answer "as of
     * next year" would silently change with the next edit. Only instants up to now are accepted (a date means the
     * end of that day, so today's date is refused too: leave {@code asOf} out for the current record).
     */
    @ServerRequestFilter
    void asOfIsNotInTheFuture(ContainerRequestContext request, HttpServerRequest http) {
        String query = http.query();
        // Most requests have no asOf: decoding every query into maps only to find that out was a tenth of what a
        // status request allocated (issue 15). A query with an escape may spell asOf encoded, so it is decoded.
        if (query == null || (query.indexOf('%') < 0 && !query.contains("asOf"))
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        var values = request.getUriInfo().getQueryParameters().get("asOf");
        if (values == null || values.size() != 1 || values.get(0).isEmpty()) {
            return;   // absent, or refused with a better message by StrictQueryParameters
        }
        String value = values.get(0);
        Instant asOf = Params.asOf(value);
        Instant now = clock.instant();
        if (asOf.isAfter(now)) {
            throw ApiException.badParameter("asOf", value, "an instant no later than now (" + now + "): the record's "
                    + "future is unknown, so the answer would change with the next edit; leave asOf out for the "
                    + "current record");
        }
    }
}
