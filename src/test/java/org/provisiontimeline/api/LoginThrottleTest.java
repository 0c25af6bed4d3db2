package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Issue 9, items 4 and 8: failed logins are capped per client and logged sparingly, without forged lines. */
@QuarkusTest
@TestProfile(LoginThrottleTest.LowLimit.class)
class LoginThrottleTest {

    static final int MAX_FAILURES = 5;
    static final long WINDOW_MILLIS = 3000;

    /** A low limit and a short window, so the test sees the lock and its end. */
    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timeline.login.max-failures", Integer.toString(MAX_FAILURES),
                    "timeline.login.window", WINDOW_MILLIS + "ms");
        }
    }

    private static Response login(String password, String path) {
        return given().auth().preemptive().basic("editor", password).contentType("application/json").body("{}")
                .urlEncodingEnabled(false).when().post(path);
    }

    private static int fastLogin(java.net.http.HttpClient http, String password) {
        try {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + io.restassured.RestAssured.port + "/api/provisions"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            ("editor:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Log lines of {@link EditorAuthentication} while {@code action} runs, formatted. */
    private static List<String> logged(Runnable action) {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getParameters() == null ? r.getMessage() : String.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(EditorAuthentication.class.getName());
        log.addHandler(capture);
        try {
            action.run();
        } finally {
            log.removeHandler(capture);
        }
        return lines;
    }

    @Test
    void repeatedFailuresLockTheClientOutUntilTheWindowEnds() throws Exception {
        Thread.sleep(WINDOW_MILLIS + 100);   // a fresh window, whatever ran before
        int[] statuses = new int[1000];
        long[] elapsed = new long[1];
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        List<String> lines = logged(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = fastLogin(http, "wrong-" + i);
            }
            elapsed[0] = System.nanoTime() - start;
        });
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(401, statuses[i], "attempt " + i);
        }
        long guessed = java.util.Arrays.stream(statuses).filter(s -> s == 401).count();
        long refused = java.util.Arrays.stream(statuses).filter(s -> s == 429).count();
        double seconds = elapsed[0] / 1e9;
        System.out.printf("brute force: %d attempts in %.2f s (%.0f/s): %d passwords checked (401), %d refused (429);"
                        + " %d log lines%n", statuses.length, seconds, statuses.length / seconds, guessed, refused,
                lines.size());
        // every attempt past the limit within the window is refused unchecked (a slow machine may see the window end)
        long windows = (long) Math.ceil(seconds * 1000 / WINDOW_MILLIS) + 1;
        assertTrue(guessed <= MAX_FAILURES * windows, guessed + " passwords checked in " + seconds + " s");
        assertTrue(lines.size() <= 2 * windows, "log lines are rate-limited: " + lines);

        Response locked = login("test-editor-password", "/api/provisions");
        if (locked.statusCode() == 429) {   // even the right password waits for the window to end
            assertTrue(Integer.parseInt(locked.header("Retry-After")) >= 1);
            assertEquals("application/problem+json", locked.contentType());
        }
        Thread.sleep(WINDOW_MILLIS + 100);
        assertEquals(422, login("test-editor-password", "/api/provisions").statusCode(),
                "after the window the right password is accepted (and the empty document refused)");
    }

    @Test
    void aFailedLoginCannotForgeALogLine() throws Exception {
        Thread.sleep(WINDOW_MILLIS + 100);   // a fresh window: its first failure is logged
        List<String> lines = logged(() -> assertEquals(401,
                login("wrong", "/api/provisions/x%0D%0A2026-01-01%20INFO%20forged/events").statusCode()));
        String all = String.join("\n", lines);
        assertTrue(all.contains("forged"), "the failure is logged: " + all);
        assertFalse(all.contains("\r") || all.contains("\n2026-01-01"), "no line break reaches the log: " + all);
    }
}
