package org.provisiontimeline.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrating ahead is taken only when the database is known before configuration exists, migrates what Quarkus's
 * migration would, and falls back to Quarkus's migration whenever it did not work out.
 */
class SchemaAheadTest {

    @TempDir
    Path dir;

    private static final Map<String, String> HOME = Map.of("user.home", "/home/analyst");

    @Test
    void theDefaultDatabaseIsKnownFromTheHomeDirectory() {
        assertEquals(Optional.of("jdbc:h2:file:/home/analyst/.provision-timeline/db/timeline" + SchemaAhead.SETTINGS),
                SchemaAhead.knownUrl(true, Map.of(), HOME, dir));
    }

    @Test
    void thePathComesFromTheSystemPropertyThenTheEnvironment() {
        Map<String, String> env = Map.of("TIMELINE_DB_PATH", "/srv/env/timeline");
        assertEquals(Optional.of("jdbc:h2:file:/srv/env/timeline" + SchemaAhead.SETTINGS),
                SchemaAhead.knownUrl(true, env, HOME, dir));
        assertEquals(Optional.of("jdbc:h2:file:/srv/prop/timeline" + SchemaAhead.SETTINGS),
                SchemaAhead.knownUrl(true, env,
                        Map.of("user.home", "/home/analyst", "timeline.db-path", "/srv/prop/timeline"), dir));
    }

    @Test
    void anythingElseThatMayChooseTheDatabaseLeavesItToQuarkus() throws IOException {
        List<String> taken = new ArrayList<>();
        for (Map<String, String> env : List.of(Map.of("TIMELINE_DB_URL", "jdbc:postgresql://db/timeline"),
                Map.of("QUARKUS_DATASOURCE_USERNAME", "someone"), Map.of("QUARKUS_FLYWAY_LOCATIONS", "x"),
                Map.of("QUARKUS_PROFILE", "staging"), Map.of("SMALLRYE_CONFIG_LOCATIONS", "/etc/timeline.properties"),
                Map.of("TIMELINE_DB_PATH", "${HOME}/timeline"), Map.of("TIMELINE_DB_PATH", "/x;AUTO_SERVER=TRUE"),
                Map.of("TIMELINE_DB_PATH", " "))) {
            SchemaAhead.knownUrl(true, env, HOME, dir).ifPresent(u -> taken.add(env + " -> " + u));
        }
        for (String property : List.of("quarkus.datasource.jdbc.url", "quarkus.flyway.migrate-at-start",
                "quarkus.profile", "quarkus.config.locations", "timeline.db-url")) {
            SchemaAhead.knownUrl(true, Map.of(), Map.of("user.home", "/home/a", property, "x"), dir)
                    .ifPresent(u -> taken.add(property + " -> " + u));
        }
        SchemaAhead.knownUrl(false, Map.of(), HOME, dir).ifPresent(u -> taken.add("dev mode -> " + u));
        assertTrue(taken.isEmpty(), "taken although Quarkus may open another database: " + taken);
        for (String file : List.of("config/application.properties", ".env")) {
            Path work = Files.createDirectories(dir.resolve(file.replace('/', '_')));
            Files.createDirectories(work.resolve(file).getParent());
            Files.writeString(work.resolve(file), "quarkus.datasource.username=someone\n");
            assertEquals(Optional.empty(), SchemaAhead.knownUrl(true, Map.of(), HOME, work), file);
        }
    }

    /** Outside the packaged jar (here: the test's class path; in dev mode: Quarkus's loader) main migrates nothing. */
    @Test
    void onlyThePackagedJarMigratesAhead() {
        try {
            SchemaAhead.start();
            assertEquals(null, System.getProperty(SchemaAhead.MIGRATE_AT_START), "Quarkus's migration stays on");
            assertFalse(SchemaAhead.settle("", "", "", () -> {
                throw new AssertionError("nothing was started");
            }, () -> {
                throw new AssertionError("nothing to fall back from");
            }));
        } finally {
            System.clearProperty(SchemaAhead.MIGRATE_AT_START);
        }
    }

    /** What main assumes must be what application.properties says, or the shortcut is never taken. */
    @Test
    void theAssumedDatabaseIsTheConfiguredOne() throws IOException {
        Properties config = new Properties();
        try (InputStream in = SchemaAheadTest.class.getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        assertEquals("jdbc:h2:file:${timeline.db-path}" + SchemaAhead.SETTINGS,
                config.getProperty("quarkus.datasource.jdbc.url"));
        assertEquals("${user.home}" + SchemaAhead.DEFAULT_PATH, config.getProperty("timeline.db-path"));
        assertEquals(SchemaAhead.USER, config.getProperty("quarkus.datasource.username"));
        assertEquals("", config.getProperty("quarkus.datasource.password"));
        assertEquals(null, config.getProperty("quarkus.flyway.locations"), "Flyway's default location is assumed");
    }

    @Test
    void migratesTheSchemaOnceAndTakesOverTheOpenDatabase() throws SQLException {
        String url = url("a");
        SchemaAhead.startMigrating(url);
        AtomicInteger pooled = new AtomicInteger();
        AtomicInteger fallback = new AtomicInteger();
        assertTrue(SchemaAhead.settle(url, SchemaAhead.USER, "", () -> {
            pooled.incrementAndGet();
            return DriverManager.getConnection(url, SchemaAhead.USER, "");
        }, fallback::incrementAndGet));
        assertEquals(1, pooled.get(), "the pool connected while the database was open");
        assertEquals(0, fallback.get());
        try (Connection c = DriverManager.getConnection(url, SchemaAhead.USER, "");
             ResultSet r = c.createStatement().executeQuery("select count(*) from provision_version")) {
            assertTrue(r.next(), "the schema is there");
        }
        assertEquals("2", SchemaAhead.migrate(url).initialSchemaVersion, "a second run finds it migrated");
        assertFalse(SchemaAhead.settle(url, SchemaAhead.USER, "", () -> {
            throw new AssertionError("nothing was started");
        }, fallback::incrementAndGet), "settled once");
        assertEquals(0, fallback.get(), "nothing started: Quarkus migrated at start itself");
    }

    @Test
    void anotherConfiguredDatabaseIsMigratedByQuarkus() {
        SchemaAhead.startMigrating(url("guessed"));
        AtomicInteger fallback = new AtomicInteger();
        assertFalse(SchemaAhead.settle(url("configured"), SchemaAhead.USER, "", () -> {
            throw new AssertionError("the guessed database is not handed to the pool");
        }, fallback::incrementAndGet));
        assertEquals(1, fallback.get());
        SchemaAhead.startMigrating(url("b"));
        assertFalse(SchemaAhead.settle(url("b"), "someone-else", "", () -> {
            throw new AssertionError("another account");
        }, fallback::incrementAndGet));
        assertEquals(2, fallback.get());
    }

    @Test
    void aFailedMigrationLeavesItToQuarkusWhichReportsTheProblem() {
        String bad = url("c") + ";NO_SUCH_SETTING=1";
        SchemaAhead.startMigrating(bad);
        IllegalStateException reported = assertThrows(IllegalStateException.class,
                () -> SchemaAhead.settle(bad, SchemaAhead.USER, "", () -> {
                    throw new AssertionError("nothing to hand over");
                }, () -> {
                    throw new IllegalStateException("Quarkus's Flyway: unsupported connection setting");
                }));
        assertEquals("Quarkus's Flyway: unsupported connection setting", reported.getMessage());
    }

    private String url(String name) {
        return "jdbc:h2:file:" + dir.resolve(name).resolve("timeline") + SchemaAhead.SETTINGS;
    }
}
