package org.provisiontimeline.api;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.provisiontimeline.postgres.PostgresServer;

/** {@link RestartIT} with the packaged jar on a real PostgreSQL, chosen by TIMELINE_DB_URL alone. */
class RestartOnPostgresIT extends RestartIT {

    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres(@org.junit.jupiter.api.io.TempDir Path pgDir) {
        postgres = PostgresServer.start(pgDir.resolve("data"), 0);
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @Override
    boolean migratedAhead() {
        return false;   // TIMELINE_DB_URL is set: Quarkus's Flyway migrates PostgreSQL
    }

    @Override
    Map<String, String> database(Path dir) {
        return Map.of("TIMELINE_DB_URL", postgres.jdbcUrl(), "TIMELINE_DB_USER", "postgres");
    }
}
