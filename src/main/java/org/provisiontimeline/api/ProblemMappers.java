package org.provisiontimeline.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.provisiontimeline.api.Problem.ProblemError;
import org.provisiontimeline.importer.InvalidDocumentException;
import org.provisiontimeline.provision.DatabaseDown;
import org.provisiontimeline.provision.WriteRejected;

/** Every failure leaves as RFC 9457 {@code application/problem+json}; no class name or stack trace ever does. */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    RestResponse<Problem> api(ApiException e, UriInfo uri) {
        var response = builder(e.status(), e.type(), e.title(), e.getMessage(), e.errors(), uri);
        if (e.status() == 401) {
            response.header("WWW-Authenticate", EditorAuthentication.REALM);
        }
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    RestResponse<Problem> writeRejected(WriteRejected e, UriInfo uri) {
        return switch (e.reason()) {
            case NOT_FOUND -> problem(404, "/problems/not-found", "Not Found", e.getMessage(), null, uri);
            case EXISTS -> problem(409, "/problems/conflict", "Conflict", e.getMessage(), null, uri);
            case PRECONDITION_REQUIRED -> problem(428, "/problems/precondition-required", "Precondition Required",
                    e.getMessage(), null, uri);
            case PRECONDITION_FAILED -> problem(412, "/problems/precondition-failed", "Precondition Failed",
                    e.getMessage(), null, uri);
            case CONCURRENT -> problem(409, "/problems/concurrent-write", "Conflict", e.getMessage(), null, uri);
        };
    }

    @ServerExceptionMapper
    RestResponse<Problem> invalidDocument(InvalidDocumentException e, UriInfo uri) {
        List<ProblemError> errors = e.errors().stream()
                .map(v -> ProblemError.atPointer(v.pointer(), v.message())).toList();
        return problem(422, "/problems/invalid-document", "Invalid document",
                "The document has " + errors.size() + " problem(s); nothing was written. "
                        + (e.errors().get(0).pointer().isEmpty() ? "" : e.errors().get(0).pointer() + ": ")
                        + e.errors().get(0).message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, listed in errors)" : ""),
                errors, uri);
    }

    /** Unknown route 404, 405, 406, 415 …: keep the framework's status, not its body. */
    @ServerExceptionMapper
    RestResponse<Problem> framework(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "Nothing is served at " + uri.getPath() + "; the API lives under /api (see /q/openapi).";
            case 405 -> "This method is not allowed on " + uri.getPath() + ".";
            case 406 -> "None of the media types in the Accept header can be produced here; "
                    + "ask for application/json (or text/csv where offered).";
            case 415 -> "The request's Content-Type is not accepted here.";
            default -> e.getMessage() != null ? e.getMessage() : status.getReasonPhrase();
        };
        return problem(status.getStatusCode(), "about:blank", status.getReasonPhrase(), detail, null, uri);
    }

    @ServerExceptionMapper
    RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        if (DatabaseDown.isCause(e)) {   // issue 12: the database is away; answers from memory go on
            LOG.warnf("database unreachable: %s", e.getMessage());
            return builder(503, "/problems/database-unavailable", "Service Unavailable", DatabaseDown.DETAIL, null,
                    uri).header("Retry-After", "5").build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, reference %s", reference);
        return problem(500, "about:blank", "Internal Server Error",
                "Unexpected failure; quote reference " + reference + " when reporting it.", null, uri);
    }

    /** The request path, or none when the request URI cannot be built (no usable Host). */
    private static String instance(UriInfo uri) {
        try {
            return uri == null ? null : uri.getRequestUri().getRawPath();
        } catch (RuntimeException noUri) {
            return null;
        }
    }

    /**
     * Last line of defence for "no internal class names in a problem": fully qualified names and exception class
     * names are replaced, whatever produced the detail.
     */
    static String withoutInternalNames(String detail) {
        if (detail == null) {
            return null;
        }
        return detail.replaceAll("\\b(?:com|org|io|java|javax|jakarta|sun|jdk)\\.(?:[a-z0-9_]+\\.)+[A-Z][A-Za-z0-9_$]*", "(internal)")
                .replaceAll("\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b", "error")
                .replaceAll("\\b[A-Z][A-Za-z]*Feature\\.[A-Z_]+\\b", "(setting)");
    }

    static RestResponse<Problem> problem(int status, String type, String title, String detail,
                                         List<ProblemError> errors, UriInfo uri) {
        return builder(status, type, title, detail, errors, uri).build();
    }

    private static RestResponse.ResponseBuilder<Problem> builder(int status, String type, String title, String detail,
                                                                 List<ProblemError> errors, UriInfo uri) {
        Problem body = new Problem(type, title, status, withoutInternalNames(detail), instance(uri),
                errors == null ? null : errors.stream().map(e -> new ProblemError(e.pointer(), e.parameter(), e.line(),
                        withoutInternalNames(e.detail()))).toList());
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(body).type(Problem.MEDIA_TYPE);
    }
}
