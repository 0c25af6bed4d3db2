package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
 * Durability, against the packaged application: an acknowledged write survives kill -9 and a restart on the same
 * database. Runs in {@code ./mvnw verify} after the jar is built.
 */
class RestartIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
    void anAcknowledgedWriteSurvivesKillAndRestart() throws Exception {
        assertTrue(Files.exists(JAR), "run through ./mvnw verify, which builds " + JAR);
        int port = freePort();
        String bundle = Files.readString(Path.of("src/test/resources/second-provision.json"))
                .replace("PROVISION_ID", "restart-test");

        app = start(port);
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(base(port) + "/api/import"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("editor:restart-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(bundle)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, write.statusCode(), write.body());

        app.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, no clean close of the database

        app = start(port);
        HttpResponse<String> read = get(port, "/api/provisions/restart-test/status?date=2012-06-01");
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"state\":\"SUSPENDED\""), read.body());
        HttpResponse<String> history = get(port, "/api/provisions/restart-test/history");
        assertTrue(history.body().contains("\"recordedBy\":\"editor\""), history.body());
        assertTrue(get(port, "/api/provisions/us-fsa-907").statusCode() == 200, "the data file is still served");
    }

    private Process start(int port) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-Dquarkus.http.port=" + port, "-jar",
                JAR.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile());
        pb.environment().put("TIMELINE_DB_PATH", dir.resolve("db/timeline").toString());
        pb.environment().put("TIMELINE_EDITOR_PASSWORD", "restart-secret");
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
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

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base(port) + path)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
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
