package org.provisiontimeline.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisiontimeline.api.AppProcess;

/**
 * Issue 9: one 239 MB JSON batch {"dates":["9…(19 MB)", ×12]} ran the JVM out of memory and broke the database
 * for everyone. Against the packaged application at -Xmx256m: it is a 413 problem, and the next write succeeds.
 */
class BatchMemoryIT {

    private static final int STRING_BYTES = 19 * 1024 * 1024 + 1000;
    private static final int STRINGS = 12;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private AppProcess app;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.kill();
        }
    }

    @Test
    void aHugeJsonBatchIsRefusedAndTheServiceKeepsWriting() throws Exception {
        app = new AppProcess(java.util.Map.of("TIMELINE_DB_PATH", dir.resolve("db/timeline").toString(),
                "TIMELINE_EDITOR_PASSWORD", "memory-secret"), dir.resolve("app.log"),
                java.util.List.of("-XX:+ExitOnOutOfMemoryError", "-Dtimeline.batch.spool-dir=" + dir.resolve("spool")))
                .start();
        HttpResponse<String> batch = http.send(HttpRequest.newBuilder(URI.create(app.base()
                        + "/api/provisions/us-fsa-907/status/batch"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofInputStream(HugeJson::new)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, batch.statusCode(), batch.body());
        assertTrue(batch.body().contains("at most 100 characters"), batch.body());
        assertTrue(batch.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        String bundle = Files.readString(Path.of("src/test/resources/second-provision.json"))
                .replace("PROVISION_ID", "after-the-big-batch");
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/import"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("editor:memory-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, write.statusCode(), write.body());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(app.base()
                + "/api/provisions/after-the-big-batch")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(app.alive());
        String log = app.log();
        assertTrue(!log.contains("OutOfMemoryError"), log);
    }

    /** {"dates":["999…", ×12]}: 239 MB, generated as it is sent. */
    private static final class HugeJson extends InputStream {
        private final byte[] head = "{\"dates\":[".getBytes(StandardCharsets.US_ASCII);
        private long position;
        private final long stringSpan = STRING_BYTES + 3L;   // "…",
        private final long total = head.length + STRINGS * stringSpan + 1;   // the last "," is "]", then "}"

        @Override
        public int read() {
            if (position >= total) {
                return -1;
            }
            long p = position++;
            if (p < head.length) {
                return head[(int) p];
            }
            if (p == total - 1) {
                return '}';
            }
            long inString = (p - head.length) % stringSpan;
            if (inString == 0 || inString == STRING_BYTES + 1) {
                return '"';
            }
            if (inString == STRING_BYTES + 2) {
                return p == total - 2 ? ']' : ',';
            }
            return '9';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= total) {
                return -1;
            }
            int n = 0;
            while (n < len && position < total) {
                b[off + n++] = (byte) read();
            }
            return n;
        }
    }
}
