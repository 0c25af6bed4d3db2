package org.provisiontimeline.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.provision.ProvisionStore;

/**
 * ETag and 304 for every read of the API. A read's answer is a function of the data (the catalog fingerprint), the
 * request (URI and Accept) and today's date (the default status date), so the tag is a hash of those and a matching
 * {@code If-None-Match} is answered before any work is done.
 */
class ConditionalGet {

    private static final String TAG_PROPERTY = ConditionalGet.class.getName() + ".tag";

    private static final int MAX_REMEMBERED_TAGS = 4_096;   // about 1.5 MiB of keys: a large map churns the old generation

    private final ProvisionCatalog catalog;
    private final Clock clock;
    private final Map<String, String> tags = new ConcurrentHashMap<>();

    ConditionalGet(ProvisionCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @ServerRequestFilter
    Optional<RestResponse<Void>> notModified(ContainerRequestContext request, ResourceInfo resource,
                                             HttpServerRequest http) {
        if (!applies(request, resource)) {
            return Optional.empty();
        }
        String tag = tagFor(request, http.uri());
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
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag != null ? tag : tagFor(request, requestTarget(request)));
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
     * The tag of an answer. The request target (path and query as sent) stands for the request, not the absolute
     * URI: it needs no Host header and no URI parsing. Tags are remembered, so a repeated request costs a map
     * lookup, not a SHA-256; the map is emptied when it grows large (a new catalog version makes its keys stale).
     */
    private String tagFor(ContainerRequestContext request, String requestTarget) {
        String key = catalog.fingerprint() + '|' + LocalDate.now(clock) + '|' + requestTarget
                + '|' + request.getHeaderString(HttpHeaders.ACCEPT);
        String tag = tags.get(key);
        if (tag == null) {
            if (tags.size() >= MAX_REMEMBERED_TAGS) {
                tags.clear();
            }
            tag = "W/\"" + ProvisionStore.hash(key).substring(0, 20) + "\"";
            tags.put(key, tag);
        }
        return tag;
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
