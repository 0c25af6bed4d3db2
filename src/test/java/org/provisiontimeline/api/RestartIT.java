package org.provisiontimeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Whether the jar's main migrates this database while Quarkus boots (SchemaAhead): the default H2 file does. */
    boolean migratedAhead() {
        return true;
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
        assertEquals(migratedAhead(), app.log().contains("; schema migrated while starting)"), app.log());
        HttpResponse<String> write = app.write("POST", "/api/import", bundle, null);
        assertEquals(200, write.statusCode(), write.body());

        app.kill();

        app.start();
        // Unchanged since the first start: not parsed, but bound from what was read ahead.
        assertTrue(app.log().contains("(0 parsed, 1 unchanged since last loaded; 1 read ahead while starting)"),
                app.log());
        assertEquals(migratedAhead() ? 2 : 0, app.log().split("; schema migrated while starting\\)", -1).length - 1,
                "the restart migrated ahead too");
        HttpResponse<String> read = app.get("/api/provisions/restart-test/status?date=2012-06-01");
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"state\":\"SUSPENDED\""), read.body());
        HttpResponse<String> history = app.get("/api/provisions/restart-test/history");
        assertTrue(history.body().contains("\"recordedBy\":\"editor\""), history.body());
        assertTrue(app.get("/api/provisions/us-fsa-907").statusCode() == 200, "the data file is still served");
    }

    /**
     * A setting main does not read (here the datasource's account, set to what it already is) may choose another
     * database: the schema is then left to Quarkus's migration at start, and the service starts as before.
     */
    @Test
    void aSettingMainCannotReadLeavesTheSchemaToQuarkus() throws Exception {
        app = new AppProcess(database(dir), dir.resolve("app.log"),
                java.util.List.of("-Dquarkus.datasource.username=timeline")).start();
        assertTrue(app.log().contains("Database: "), app.log());
        assertFalse(app.log().contains("schema migrated while starting"), app.log());
        HttpResponse<String> read = app.get("/api/provisions/us-fsa-907/status?date=2024-06-01");
        assertEquals(200, read.statusCode(), read.body());
    }
}
