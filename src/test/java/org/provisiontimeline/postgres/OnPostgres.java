package org.provisiontimeline.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test profile: the same application, opened on a real PostgreSQL instead of H2. Test classes that extend an H2 test
 * and carry {@code @TestProfile(OnPostgres.class)} rerun it unchanged against PostgreSQL.
 */
public class OnPostgres implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Starts PostgreSQL before the application and points the "postgresql" datasource at it. */
    public static class Server implements QuarkusTestResourceLifecycleManager {

        private PostgresServer server;
        private Path data;

        @Override
        public Map<String, String> start() {
            try {
                Path dir = Files.createDirectories(Path.of("target/postgres"));
                data = Files.createTempDirectory(dir, "data");
                server = PostgresServer.start(data, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "timeline.db.postgresql-active", "true",
                    "timeline.db.h2-active", "false",
                    "timeline.db-url", server.jdbcUrl(),
                    "quarkus.datasource.\"postgresql\".username", "postgres",
                    "quarkus.flyway.\"postgresql\".clean-at-start", "true",
                    "quarkus.flyway.\"postgresql\".clean-disabled", "false");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
                try (var files = Files.walk(data)) {   // about 40 MB per run: not left in target/
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
