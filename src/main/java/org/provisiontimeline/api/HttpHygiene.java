package org.provisiontimeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the HTTP envelope of every request before any handler sees it, and answers the failures of the HTTP layer
 * as problem+json: a request with no {@code Host}, an over-long URI or header block, an unparseable
 * {@code Content-Type} or {@code Accept}. The framework would otherwise answer some of these with a 500 (a
 * {@code Content-Type: garbage} GET, an HTTP/1.0 request with no Host) and others with an empty or framework body.
 *
 * <p>It also honours {@code q=0} in {@code Accept} ("not acceptable", RFC 9110 §12.4.2), which the REST layer ignores:
 * those media ranges are removed before routing, so {@code Accept: text/csv, application/json;q=0} gets CSV where
 * CSV is offered and 406 where it is not.
 */
@ApplicationScoped
class HttpHygiene {

    /** After {@code SecurityHeaders} (100), so its headers are on these answers too. */
    static final int PRIORITY = 90;

    private final ObjectMapper json = new ObjectMapper();
    private final int maxUriLength;
    private final int maxHeaderBytes;

    HttpHygiene(@ConfigProperty(name = "timeline.http.max-uri-length") int maxUriLength,
                @ConfigProperty(name = "timeline.http.max-header-bytes") int maxHeaderBytes) {
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    /** Failures the router raises before any filter runs (an HTTP/1.1 request without Host, a body over the cap). */
    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            int status = rc.statusCode();
            if (status >= 400 && status < 500 && !rc.response().headWritten()) {
                send(rc, status, switch (status) {
                    case 404 -> "Nothing is served at this request target; the API lives under /api (see /q/openapi).";
                    case 413 -> "The request body is larger than the server accepts.";
                    default -> "The request is malformed (an HTTP/1.1 request needs a Host header).";
                });
            } else {
                rc.next();
            }
        });
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String uri = request.uri();
        // Host first: authority() parses forwarding headers and allocates on every request (issue 15).
        if (request.getHeader("Host") == null && request.authority() == null) {
            send(rc, 400, "A Host header is required.");
        } else if (uri == null || !uri.startsWith("/")) {
            send(rc, 400, "The request target must be a path such as /api/provisions.");
        } else if (uri.length() > maxUriLength) {
            send(rc, 414, "The request URI is " + uri.length() + " characters long; the limit is " + maxUriLength
                    + ".");
        } else if (headerBytes(request) > maxHeaderBytes) {
            send(rc, 431, "The request headers take more than the limit of " + maxHeaderBytes + " bytes.");
        } else if (!parses(request.getHeader("Content-Type"))) {
            send(rc, 415, "The Content-Type header is not a media type; send application/json (or text/csv where "
                    + "offered).");
        } else {
            String accept = request.getHeader("Accept");
            if (accept == null) {
                rc.next();
                return;
            }
            List<String> acceptable = acceptable(accept);
            if (acceptable == null) {
                send(rc, 400, "The Accept header is not a list of media types, such as application/json.");
            } else if (acceptable.isEmpty()) {
                send(rc, 406, "The Accept header rules out every media type (q=0); ask for application/json (or "
                        + "text/csv where offered).");
            } else {
                if (acceptable.size() < accept.split(",").length) {
                    request.headers().set("Accept", String.join(", ", acceptable));
                }
                rc.next();
            }
        }
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> h : request.headers()) {
            bytes += h.getKey().length() + h.getValue().length() + 4;
        }
        return bytes;
    }

    private static boolean parses(String mediaType) {
        if (mediaType == null) {
            return true;
        }
        try {
            MediaType.valueOf(mediaType.trim());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The media ranges of an Accept header without those with q=0; null when a range does not parse. */
    static List<String> acceptable(String accept) {
        List<String> out = new ArrayList<>();
        for (String range : accept.split(",")) {
            String r = range.trim();
            if (r.isEmpty()) {
                continue;
            }
            MediaType type;
            try {
                type = MediaType.valueOf(r);
            } catch (IllegalArgumentException e) {
                return null;
            }
            String q = type.getParameters().get("q");
            try {
                if (q == null || Double.parseDouble(q) > 0) {
                    out.add(r);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    private void send(RoutingContext rc, int status, String detail) {
        String path = rc.request().path();
        Problem problem = new Problem("about:blank", io.netty.handler.codec.http.HttpResponseStatus.valueOf(status)
                .reasonPhrase(), status, detail, path != null && path.startsWith("/") && path.length() <= maxUriLength
                ? path : null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        var response = rc.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (rc.request().version() == HttpVersion.HTTP_1_0 || status == 400 || status == 414 || status == 431) {
            response.putHeader("Connection", "close");
        }
        response.end(body);
    }
}
