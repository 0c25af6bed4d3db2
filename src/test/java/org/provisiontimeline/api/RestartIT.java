package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability, against the packaged application: an acknowledged write survives kill -9 and a restart on the same
 * database. Runs in {@code ./mvnw verify} after the jar is built; {@link RestartOnPostgresIT} reruns it on PostgreSQL.
 */
class RestartIT {

    private AppProcess app;

    @TempDir
    Path dir;

    /** Where the application keeps its data: the H2 file here. */
    Map<String, String> database(Path dir) {
        return Map.of("TIMELINE_DB_PATH", dir.resolve("db/timeline").toString());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAcknowledgedWriteSurvivesKillAndRestart() throws Exception {
        String bundle = Files.readString(Path.of("src/test/resources/second-provision.json"))
                .replace("PROVISION_ID", "restart-test");

        app = new AppProcess(database(dir), dir.resolve("app.log")).start();
        // The jar's main read the shipped data file while Quarkus booted (ReadAhead), and the loader took it.
        assertTrue(app.log().contains("(1 parsed, 0 unchanged since last loaded; 1 read ahead while starting)"),
                app.log());
        HttpResponse<String> write = app.write("POST", "/api/import", bundle, null);
        assertEquals(200, write.statusCode(), write.body());

        app.kill();

        app.start();
        // Unchanged since the first start: not parsed, but bound from what was read ahead.
        assertTrue(app.log().contains("(0 parsed, 1 unchanged since last loaded; 1 read ahead while starting)"),
                app.log());
        HttpResponse<String> read = app.get("/api/provisions/restart-test/status?date=2012-06-01");
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"state\":\"SUSPENDED\""), read.body());
        HttpResponse<String> history = app.get("/api/provisions/restart-test/history");
        assertTrue(history.body().contains("\"recordedBy\":\"editor\""), history.body());
        assertTrue(app.get("/api/provisions/us-fsa-907").statusCode() == 200, "the data file is still served");
    }
}
