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
        int limit = Params.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
        int offset = decode(cursor);
        if (offset > all.size()) {
            throw ApiException.badParameter("cursor", cursor, "a cursor from a Link header of this list");
        }
        int end = Math.min(all.size(), offset + limit);
        RestResponse.ResponseBuilder<List<T>> response = RestResponse.ResponseBuilder.ok(all.subList(offset, end));
        if (end < all.size()) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", encode(end)).build().toString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.header("X-Total-Count", all.size()).build();
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("o")) {
                int offset = Integer.parseInt(text.substring(1));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException ignored) {
            // reported below (NumberFormatException is an IllegalArgumentException)
        }
        throw ApiException.badParameter("cursor", cursor, "a cursor from a Link header of this list");
    }
}
