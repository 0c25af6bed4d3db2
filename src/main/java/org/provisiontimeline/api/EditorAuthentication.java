package org.provisiontimeline.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * HTTP Basic authentication for writes. The account {@code editor} takes its password from
 * {@code TIMELINE_EDITOR_PASSWORD}; more named accounts come from {@code TIMELINE_EDITOR_ACCOUNTS}
 * ({@code name:password,name:password}). With no password configured at all, editing is disabled and every write
 * answers 403 saying how to enable it. Passwords are compared in constant time and never logged.
 */
class EditorAuthentication {

    static final String REALM = "Basic realm=\"provision-timeline\", charset=\"UTF-8\"";
    private static final Logger LOG = Logger.getLogger(EditorAuthentication.class);

    private final Map<String, byte[]> accounts = new LinkedHashMap<>();
    private final LoginThrottle throttle;

    EditorAuthentication(@ConfigProperty(name = "timeline.editor-password") Optional<String> editorPassword,
                         @ConfigProperty(name = "timeline.editor-accounts") Optional<String> more,
                         LoginThrottle throttle) {
        this.throttle = throttle;
        editorPassword.filter(p -> !p.isBlank())
                .ifPresent(p -> accounts.put("editor", p.getBytes(StandardCharsets.UTF_8)));
        more.ifPresent(list -> {
            for (String entry : list.split(",")) {
                int colon = entry.indexOf(':');
                if (colon > 0 && colon < entry.length() - 1) {
                    accounts.put(entry.substring(0, colon).trim(),
                            entry.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
                }
            }
        });
    }

    @ServerRequestFilter
    void authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(EditorsOnly.class)) {
            return;
        }
        if (accounts.isEmpty()) {
            throw new ApiException(403, "editing-disabled", "Editing is disabled",
                    "No editor password is configured on this server, so writes are disabled. Start the service with "
                            + "TIMELINE_EDITOR_PASSWORD=<password> (user 'editor'), optionally "
                            + "TIMELINE_EDITOR_ACCOUNTS=name:password,… for named editors; see docs/curation.md.",
                    null);
        }
        String client = http == null || http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress();
        long wait = throttle.lockedFor(client);
        if (wait > 0) {
            throw new ApiException(429, "too-many-login-failures", "Too Many Requests",
                    "Too many failed editor logins from this client (" + throttle.maxFailures() + " within "
                            + throttle.window().toSeconds() + " s); try again in " + wait + " s.", null)
                    .withHeader("Retry-After", Long.toString(wait));
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String user = null;
        byte[] password = null;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    user = decoded.substring(0, colon);
                    password = decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException malformed) {
                // treated as no credentials below
            }
        }
        if (user == null) {
            throw unauthorized("This write needs HTTP Basic credentials of an editor (user 'editor' or a named "
                    + "editor account).");
        }
        byte[] expected = accounts.get(user);
        // Fixed-length digests compared in constant time: timing reveals neither the password nor its length, and
        // an unknown user costs the same as a wrong password.
        boolean ok = MessageDigest.isEqual(sha256(expected != null ? expected : new byte[0]), sha256(password))
                && expected != null;
        if (!ok) {
            switch (throttle.failed(client)) {
                case LOG -> LOG.warnf("Failed editor login for user '%s' from %s on %s %s", printable(user),
                        printable(client), printable(request.getMethod()), printable(request.getUriInfo().getPath()));
                case LOG_LOCKED -> LOG.warnf("%d failed editor logins from %s within %d s: its logins are refused "
                                + "(429) until the window ends; further failures in this window are not logged",
                        throttle.maxFailures(), printable(client), throttle.window().toSeconds());
                case QUIET -> { }
            }
            throw unauthorized("The editor credentials were not accepted.");
        }
        String account = user;
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> account;
            }

            @Override
            public boolean isUserInRole(String role) {
                return "editor".equals(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return SecurityContext.BASIC_AUTH;
            }
        });
    }

    /**
     * A client-supplied value (user name, path) as it may appear in a log line: control and bidirectional characters
     * escaped, so it cannot forge lines, and cut at 200 characters.
     */
    static String printable(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c) || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                    || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail, null);
    }
}
