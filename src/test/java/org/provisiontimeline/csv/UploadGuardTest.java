package org.provisiontimeline.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile and careless upload clients (issue 9: slow uploads froze the API; spool files outlived their client):
 * uploads are received without worker threads, capped in number and rate, and their files deleted on every path.
 */
@QuarkusTest
@TestProfile(UploadGuardTest.TightGuards.class)
class UploadGuardTest {

    public static class TightGuards implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.batch.max-concurrent-uploads", "40",
                    "timeline.batch.min-upload-rate", "200",
                    "timeline.batch.upload-rate-window", "4s",
                    "timeline.batch.write-timeout", "2s");
        }
    }

    private static final String BATCH = "/api/provisions/us-fsa-907/status/batch";
    private static final int CLIENTS = 210;
    private final HttpClient http = HttpClient.newHttpClient();

    private static Path spoolDir() {
        return Path.of("target/batch-spool", Long.toString(ProcessHandle.current().pid()));
    }

    private static List<Path> spooled() throws IOException {
        if (!Files.isDirectory(spoolDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spoolDir())) {
            return files.toList();
        }
    }

    private long statusMillis() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port
                                + "/api/provisions/us-fsa-907/status?date=2024-06-01"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoHundredSlowUploadsDoNotStallTheApi() throws Exception {
        for (int i = 0; i < 5; i++) {   // warm up the client, the JIT and the upload path, so we time the guard
            statusMillis();
        }
        RestAssured.given().contentType("text/csv").body("date\n2024-06-01\n").post(BATCH).then().statusCode(200);
        List<RawHttp> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                RawHttp c = RawHttp.open(RestAssured.port);
                c.send("POST " + BATCH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n6\r\ndate\r\n\r\n");
                clients.add(c);
            }
            Thread.sleep(500);   // let the burst of 210 connections settle: what is timed is while they stay open
            long worst = 0;
            for (int round = 0; round < 5; round++) {   // trickle one row each, ask for a status meanwhile
                for (RawHttp c : clients) {
                    try {
                        c.send("c\r\n2024-06-01\r\n\r\n");
                    } catch (IOException refusedAlready) {
                        // the over-the-cap ones were answered 503 and closed
                    }
                }
                long took = statusMillis();
                System.out.printf("round %d: status GET %d ms%n", round, took);
                if (round > 0) {   // the first round is the first time the 40 spooling paths run: JIT warm-up
                    worst = Math.max(worst, took);
                }
                Thread.sleep(300);
            }
            System.out.printf("slow uploads: %d clients, worst status GET %d ms%n", CLIENTS, worst);
            assertTrue(worst < 1000, "a status GET took " + worst + " ms with " + CLIENTS + " slow uploads open");

            List<Path> files = spooled();
            assertFalse(files.isEmpty(), "the accepted uploads are being spooled");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spoolDir())));
            for (Path f : files) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }

            int busy = 0;
            int tooSlow = 0;
            for (RawHttp c : clients) {   // 503 at once beyond the cap; 408 once a rate window has passed
                RawHttp.Answer a = c.readAnswer();
                if (a.status() == 503) {
                    busy++;
                    assertTrue(a.headers().contains("retry-after: "), a.headers());
                } else {
                    assertEquals(408, a.status(), new String(a.body(), StandardCharsets.UTF_8));
                    tooSlow++;
                }
                assertTrue(a.headers().contains("content-type: application/problem+json"), a.headers());
            }
            assertEquals(CLIENTS - 40, busy, "over the cap of 40");
            assertEquals(40, tooSlow, "under 200 bytes/s");
        } finally {
            for (RawHttp c : clients) {
                c.close();
            }
        }
        awaitNoSpoolFiles();
        assertTrue(statusMillis() < 1000);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aClientThatNeverReadsItsAnswerIsDisconnectedAndItsFileDeleted() throws Exception {
        StringBuilder csv = new StringBuilder("date,note\r\n");
        for (int i = 0; i < 200_000; i++) {
            csv.append("2024-06-01,row ").append(i).append("\r\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        try (RawHttp c = RawHttp.open(RestAssured.port)) {
            c.socket().setReceiveBufferSize(4096);
            c.send("POST " + BATCH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: "
                    + body.length + "\r\n\r\n");
            c.send(body);
            Thread.sleep(1000);   // the answer (about 25 MB) fills the socket buffers: the server's writer stalls
            assertFalse(spooled().isEmpty(), "still answering from the spooled file");
            awaitNoSpoolFiles();   // after the 2 s write timeout the server hangs up and deletes the file
            c.socket().setSoTimeout(5000);   // a connection left open would block here: then the read times out
            InputStream in = c.socket().getInputStream();
            long read = 0;
            try {
                for (int n = in.read(new byte[1 << 16]); n >= 0; n = in.read(new byte[1 << 16])) {
                    read += n;
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                throw new AssertionError("the server kept the connection open", stillOpen);
            } catch (IOException reset) {
                // a reset is a hang-up too
            }
            assertTrue(read < 20_000_000, "the connection was closed before the whole answer: " + read + " bytes");
        }
        assertTrue(statusMillis() < 1000);
    }

    @Test
    void aClientThatLeavesMidUploadLeavesNoFile() throws Exception {
        try (RawHttp c = RawHttp.open(RestAssured.port)) {
            c.send("POST " + BATCH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\nContent-Length: "
                    + "100000\r\n\r\ndate\r\n2024-06-01\r\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (spooled().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(spooled().isEmpty(), "spooling");
        }
        awaitNoSpoolFiles();
    }

    private static void awaitNoSpoolFiles() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!spooled().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), spooled(), "every spool file deleted");
    }
}
