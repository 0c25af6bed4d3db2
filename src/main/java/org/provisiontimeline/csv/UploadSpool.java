package org.provisiontimeline.csv;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.provisiontimeline.api.ApiException;

/**
 * A batch upload received in full into a private file before any answer is sent (so half-duplex clients, which
 * send the whole body before they read, cannot deadlock with the server). {@code gzip}: the file holds the body as
 * sent with {@code Content-Encoding: gzip}; it is decompressed while read, and the decompressed size is capped too.
 */
record UploadSpool(Path file, boolean gzip, long bytes) {

    /** The body as the client meant it (decompressed), never more than {@code maxBytes} of it. */
    InputStream open(long maxBytes) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return new LimitedInputStream(gzip ? new GZIPInputStream(in, 1 << 16) : in, maxBytes);
        } catch (ZipException | java.io.EOFException e) {
            in.close();
            throw notGzip();
        }
    }

    /**
     * For a compressed upload, reads it through once so that a gzip bomb (413) or a broken stream (400) is refused
     * before the answer starts, when a problem can still be sent. A plain upload was already measured on arrival.
     */
    void checkDecompressed(long maxBytes) throws IOException {
        if (!gzip) {
            return;
        }
        try (InputStream in = open(maxBytes)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (ZipException | java.io.EOFException e) {
            throw notGzip();
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the request's watchdog and the shutdown clean-up try again
        }
    }

    private static ApiException notGzip() {
        return new ApiException(400, "invalid-encoding", "Invalid Content-Encoding",
                "The body was sent with Content-Encoding: gzip but is not a complete gzip stream.", null);
    }
}
