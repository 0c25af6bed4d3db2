package org.provisiontimeline.api;

import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Cursor paging for lists: {@code ?limit=} and an opaque {@code ?cursor=} taken from the {@code Link: rel="next"}
 * header of the previous page. The cursor is an offset into the list's deterministic order.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    /** One page of {@code all}, with a {@code Link} to the next page when there is one. */
    static <T> RestResponse<List<T>> page(List<T> all, String limitParam, String cursor, UriInfo uri) {
        Page<T> page = slice(all, limitParam, cursor, uri);
        return page.answer(RestResponse.ResponseBuilder.ok(page.items()));
    }

    /** The items of one page of {@code all} and its paging headers, for answers that render the items themselves. */
    static <T> Page<T> slice(List<T> all, String limitParam, String cursor, UriInfo uri) {
        int limit = Params.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
        long offset = decode('o', cursor);
        if (offset > all.size()) {
            throw ApiException.badParameter("cursor", cursor, "a cursor from a Link header of this list");
        }
        int end = (int) Math.min(all.size(), offset + limit);
        String next = end < all.size() ? "<" + nextLink(uri, encode('o', end)) + ">; rel=\"next\"" : null;
        return new Page<>(all.subList((int) offset, end), all.size(), next);
    }

    /** One page: its items, the size of the whole list, and the {@code Link} header to the next page, if any. */
    record Page<T>(List<T> items, int total, String next) {

        /** {@code response} with this page's {@code Link} and {@code X-Total-Count} headers. */
        <B> RestResponse<B> answer(RestResponse.ResponseBuilder<B> response) {
            if (next != null) {
                response.header("Link", next);
            }
            return response.header("X-Total-Count", total).build();
        }
    }

    /**
     * The request's own path and query with the cursor replaced, as a relative reference: the client's {@code Host}
     * header is never echoed into a link (a forged Host would otherwise poison shared caches and pages).
     */
    static String nextLink(UriInfo uri, String cursor) {
        java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build();
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    /** An opaque cursor: a kind letter and a non-negative position, base64url-encoded. */
    static String encode(char kind, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((kind + Long.toString(position)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The position in a cursor of the given kind; 0 for none.
     *
     * @throws ApiException 400 for a cursor that is not one of ours
     */
    static long decode(char kind, String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.length() > 1 && text.charAt(0) == kind) {
                long position = Long.parseLong(text.substring(1));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // reported below (NumberFormatException is an IllegalArgumentException)
        }
        throw ApiException.badParameter("cursor", cursor, "a cursor from a Link header of this list");
    }
}
