package org.provisiontimeline.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a write's JSON body into memory, but never more than its limit: the declared {@code Content-Length} is
 * refused up front and a chunked body is cut off as soon as it passes the limit, so one request cannot fill the heap.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * The body's bytes.
     *
     * @throws ApiException 413 naming the limit
     */
    static byte[] read(InputStream body, String contentLength, long limit, String what) {
        if (contentLength != null) {
            try {
                if (Long.parseLong(contentLength.trim()) > limit) {
                    throw tooLarge(limit, what);
                }
            } catch (NumberFormatException ignored) {
                // the HTTP layer has already refused a malformed length; count the bytes below anyway
            }
        }
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (body) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                if (out.size() + (long) n > limit) {
                    throw tooLarge(limit, what);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new ApiException(400, "unreadable-body", "Unreadable body",
                    "The request body could not be read to its end (the connection broke or timed out); nothing was "
                            + "written.", null);
        }
        return out.toByteArray();
    }

    static ApiException tooLarge(long limit, String what) {
        return new ApiException(413, "body-too-large", "Content Too Large",
                "The body of " + what + " is larger than the limit of " + limit + " bytes (" + mebibytes(limit)
                        + "); nothing was written. Split the data into smaller requests.", null);
    }

    private static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
    }
}
