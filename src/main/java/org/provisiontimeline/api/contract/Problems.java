package org.provisiontimeline.api.contract;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The error answers, each a reusable response ({@code #/components/responses/…}) with the one {@code Problem}
 * schema. An operation lists the statuses it can answer in {@link Operations}; a new status (say 429) is one entry
 * here and its code in the operations that answer it.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    /** Status code to (component name, description naming the problem types). */
    static final Map<Integer, String[]> RESPONSES = new LinkedHashMap<>();

    static {
        put(400, "BadRequest", "Invalid or unknown query parameter (/problems/invalid-parameter, "
                + "/problems/unknown-parameter), or a malformed JSON body (/problems/invalid-document)");
        put(401, "Unauthorized", "No or wrong editor credentials (/problems/unauthorized)");
        put(403, "Forbidden", "Editing is disabled on this server: no editor password configured "
                + "(/problems/editing-disabled)");
        put(404, "NotFound", "Unknown provision, event or version, or not yet existing at asOf "
                + "(/problems/unknown-provision, /problems/unknown-event, /problems/unknown-version, "
                + "/problems/not-found)");
        put(408, "RequestTimeout", "An upload arrived slower than the stated minimum rate (/problems/too-slow)");
        put(406, "NotAcceptable", "None of the media types in Accept can be produced here (about:blank)");
        put(409, "Conflict", "The provision already exists, or a concurrent write won (/problems/conflict, "
                + "/problems/concurrent-write)");
        put(412, "PreconditionFailed", "If-Match does not match the current ETag: reload and retry "
                + "(/problems/precondition-failed)");
        put(413, "PayloadTooLarge", "The upload or document is over its stated limit (/problems/too-large)");
        put(415, "UnsupportedMediaType", "The request's Content-Type (writes need application/json) or "
                + "Content-Encoding is not accepted here (about:blank, /problems/unsupported-encoding)");
        put(422, "UnprocessableContent", "The document (or, with strict=true, a batch row) is invalid; nothing was "
                + "written. errors[] locates every problem (/problems/invalid-document, /problems/invalid-csv)");
        put(428, "PreconditionRequired", "If-Match is missing (/problems/precondition-required)");
        put(429, "TooManyRequests", "Too many failed logins from this client: wait Retry-After seconds "
                + "(/problems/too-many-login-failures)");
        put(500, "InternalServerError", "Unexpected failure; detail carries a reference to quote (about:blank)");
        put(503, "ServiceUnavailable", "The database is unreachable (writes; reads keep answering), or too many "
                + "uploads at once: retry after Retry-After (/problems/database-unavailable, /problems/busy)");
    }

    private Problems() {
    }

    private static void put(int status, String name, String description) {
        RESPONSES.put(status, new String[] {name, description});
    }

    static void declare(Components components) {
        RESPONSES.forEach((status, spec) -> {
            APIResponse response = OASFactory.createAPIResponse().description(spec[1])
                    .content(OASFactory.createContent().addMediaType(MEDIA_TYPE,
                            OASFactory.createMediaType().schema(Schemas.ref("Problem"))));
            if (status == 401) {
                response.addHeader("WWW-Authenticate", OASFactory.createHeader()
                        .description("the HTTP Basic challenge").schema(Schemas.string()));
            }
            components.addResponse(spec[0], response);
        });
    }

    /** A reference to the shared response for {@code status}. */
    static APIResponse ref(int status) {
        String[] spec = RESPONSES.get(status);
        if (spec == null) {
            throw new IllegalArgumentException("no problem response declared for " + status);
        }
        return OASFactory.createAPIResponse().ref("#/components/responses/" + spec[0]);
    }
}
