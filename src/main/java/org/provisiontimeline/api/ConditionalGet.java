package org.provisiontimeline.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.time.zone.ZoneRules;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.provisiontimeline.provision.ProvisionCatalog;

/**
 * ETag and 304 for every read of the API. A read's answer is a function of the data (the catalog fingerprint), the
 * request (URI and Accept) and today's date (the default status date), so the tag is a hash of those and a matching
 * {@code If-None-Match} is answered before any work is done.
 */
class ConditionalGet {

    private static final String TAG_PROPERTY = ConditionalGet.class.getName() + ".tag";

    private final ProvisionCatalog catalog;
    private final Clock clock;
    /** The clock's zone rules, looked up once: {@code ZoneOffset.getRules()} builds a new object per call. */
    private final ZoneRules zone;

    ConditionalGet(ProvisionCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
        this.zone = clock.getZone().getRules();
    }

    @ServerRequestFilter
    Optional<RestResponse<Void>> notModified(ContainerRequestContext request, ResourceInfo resource,
                                             HttpServerRequest http) {
        if (!applies(request, resource)) {
            return Optional.empty();
        }
        String tag = tagFor(accept(http), http.uri());
        request.setProperty(TAG_PROPERTY, tag);   // the response filter reuses it instead of hashing again
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            return Optional.of(RestResponse.ResponseBuilder.<Void>create(RestResponse.Status.NOT_MODIFIED)
                    .header(HttpHeaders.ETAG, tag).build());
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    void tag(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (response.getStatus() == 200 && applies(request, resource)
                && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            Object tag = request.getProperty(TAG_PROPERTY);
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag != null ? tag
                    : tagFor(request.getHeaderString(HttpHeaders.ACCEPT), requestTarget(request)));
        }
    }

    private static boolean applies(ContainerRequestContext request, ResourceInfo resource) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method))
                && request.getUriInfo().getPath().startsWith("/api/")
                && resource.getResourceMethod() != null
                && !resource.getResourceMethod().isAnnotationPresent(OwnETag.class);
    }

    /**
     * The tag of an answer: a 64-bit FNV-1a hash of what the answer depends on. The request target (path and query as
     * sent) stands for the request, not the absolute URI: it needs no Host header and no URI parsing. A validator
     * only has to change when its answer changes, so the hash need not be cryptographic: two versions of one
     * request's answer share a tag with a chance of 2^-64. It costs a pass over the key's characters, with no
     * allocation and no table of remembered tags (a table of 4,096, with a random provision and date per request,
     * churned the old generation of a 1,000-provision catalog, issue 15).
     */
    private String tagFor(String accept, String requestTarget) {
        long h = FNV_OFFSET;
        h = fnv(h, catalog.fingerprint());
        h = (h ^ today()) * FNV_PRIME;   // answers depend on today (the default date, "current" flags)
        h = fnv(h, requestTarget);
        h = fnv(h, String.valueOf(accept));
        return "W/\"" + HexFormat.of().toHexDigits(h) + "\"";
    }

    /** Every Accept header, joined as JAX-RS joins them: the answer's media type depends on all of them. */
    private static String accept(HttpServerRequest http) {
        List<String> all = http.headers().getAll(HttpHeaders.ACCEPT);
        return all.isEmpty() ? null : all.size() == 1 ? all.get(0) : String.join(",", all);
    }

    /** Today's date in the clock's zone as a day number: what {@code LocalDate.now(clock)} is, without allocating. */
    private long today() {
        Instant now = clock.instant();
        return Math.floorDiv(now.getEpochSecond() + zone.getOffset(now).getTotalSeconds(), 86_400L);
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over the characters of {@code part}, then a separator, so ("ab", "c") and ("a", "bc") differ. */
    private static long fnv(long h, String part) {
        for (int i = 0; i < part.length(); i++) {
            h = (h ^ part.charAt(i)) * FNV_PRIME;
        }
        return (h ^ 0x1F) * FNV_PRIME;   // unit separator: never in a request target or a media type
    }

    private static String requestTarget(ContainerRequestContext request) {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        return uri.getRawPath() + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "");
    }

    /** RFC 9110 weak comparison against a list such as {@code "a", W/"b"}. */
    static boolean matches(String header, String tag) {
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            // "*" is not honoured: the filter runs before the resource knows whether anything exists.
            if ((c.startsWith("W/") ? c.substring(2) : c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
