package org.provisiontimeline.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds a strict Content-Security-Policy, {@code X-Content-Type-Options} and {@code Referrer-Policy} to responses.
 *
 * <p>This is a Vert.x route filter, not a JAX-RS filter, so it also covers the static page served from
 * {@code META-INF/resources} (which never reaches JAX-RS). The CSP is skipped under {@code /q/} because the
 * Swagger UI and Dev UI there rely on inline script; the other two headers apply everywhere. It also turns the
 * static handler's one-day {@code immutable} caching into revalidation, so a new release of the page is seen at once.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** No inline script or style, nothing from another origin, no plugins, no framing. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /**
     * The Swagger UI's page needs inline script and style, so it gets a policy of its own: still nothing from another
     * origin, no plugins and, like every page here, never framed (clickjacking).
     */
    public static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    /** Runs before the static-resource and REST handlers. */
    static final int PRIORITY = 100;

    void register(@Observes Filters filters) {
        filters.register(SecurityHeaders::addHeaders, PRIORITY);
    }

    static void addHeaders(RoutingContext rc) {
        MultiMap headers = rc.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        String path = rc.normalizedPath();
        if (!isNonApplicationPath(path)) {
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        } else if (path.startsWith("/q/swagger-ui")) {
            headers.set("Content-Security-Policy", SWAGGER_UI_POLICY);
        }
        if (path == null || !path.startsWith("/api/")) {   // the API serves no static files (and answers fast)
            rc.addHeadersEndHandler(ignored -> revalidateStaticFiles(rc.response().headers()));
        }
        rc.next();
    }

    /**
     * The page's files have no content hash in their names, so the static handler's default
     * {@code public, immutable, max-age=86400} would keep a stale page for a day after a release:
     * make browsers revalidate instead (the handler answers 304 from {@code Last-Modified}).
     */
    static void revalidateStaticFiles(MultiMap headers) {
        String cacheControl = headers.get("Cache-Control");
        if (cacheControl != null && cacheControl.contains("immutable")) {
            headers.set("Cache-Control", "no-cache");
        }
    }

    static boolean isNonApplicationPath(String path) {
        return path != null && (path.equals("/q") || path.startsWith("/q/"));
    }
}
