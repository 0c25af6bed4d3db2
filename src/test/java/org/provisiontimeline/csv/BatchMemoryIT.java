package org.provisiontimeline.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
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

/**
 * Issue 9: one 239 MB JSON batch {"dates":["9…(19 MB)", ×12]} ran the JVM out of memory and broke the database
 * for everyone. Against the packaged application at -Xmx256m: it is a 413 problem, and the next write succeeds.
 */
class BatchMemoryIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final int STRING_BYTES = 19 * 1024 * 1024 + 1000;
    private static final int STRINGS = 12;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Process app;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void aHugeJsonBatchIsRefusedAndTheServiceKeepsWriting() throws Exception {
        assertTrue(Files.exists(JAR), "run through ./mvnw verify, which builds " + JAR);
        int port = freePort();
        app = start(port);
        HttpResponse<String> batch = http.send(HttpRequest.newBuilder(URI.create(base(port)
                        + "/api/provisions/us-fsa-907/status/batch"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofInputStream(HugeJson::new)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, batch.statusCode(), batch.body());
        assertTrue(batch.body().contains("at most 100 characters"), batch.body());
        assertTrue(batch.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        String bundle = Files.readString(Path.of("src/test/resources/second-provision.json"))
                .replace("PROVISION_ID", "after-the-big-batch");
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/import"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("editor:memory-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, write.statusCode(), write.body());
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base(port)
                + "/api/provisions/after-the-big-batch")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(app.isAlive());
        String log = Files.readString(dir.resolve("app.log"));
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

    private Process start(int port) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-Dquarkus.http.port=" + port, "-Dtimeline.batch.spool-dir=" + dir.resolve("spool"), "-jar",
                JAR.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile());
        pb.environment().put("TIMELINE_DB_PATH", dir.resolve("db/timeline").toString());
        pb.environment().put("TIMELINE_EDITOR_PASSWORD", "memory-secret");
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base(port) + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the application did not start:\n" + Files.readString(dir.resolve("app.log")));
    }

    private static String base(int port) {
        return "http://127.0.0.1:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
