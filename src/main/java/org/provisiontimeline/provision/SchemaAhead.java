package org.provisiontimeline.provision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Opens the embedded H2 file and migrates its schema on a thread of its own while the framework boots, instead of on
 * the main thread near the end of the boot (docs/decisions.md, "The schema is migrated while the framework boots").
 * Quarkus's own migration at start (Flyway's classes, opening the H2 file, the migrations) took ~0.45 s of the main
 * thread, in the bare app with no migration too; here it runs beside the boot (issue 15).
 * <p>
 * Only a shortcut, like {@code ReadAhead}. {@code main} starts it only when it can tell, before configuration exists,
 * which database Quarkus will open: the default H2 file, in the packaged jar ({@link #knownUrl}). It then turns
 * Quarkus's migration at start off for this process. Once Quarkus runs, {@link Database} hands the open database to
 * the pool ({@link #settle}): when the URL migrated here is not the configured one, or the migration here failed, it
 * migrates with Quarkus's Flyway instead, so the database served is always the configured one, migrated, and a
 * failure stops the start the way it always did.
 */
public final class SchemaAhead {

    private static final Logger LOG = Logger.getLogger(SchemaAhead.class);

    /**
     * The H2 URL of application.properties ({@code quarkus.datasource.jdbc.url}) after {@code timeline.db-path}.
     * Kept equal to it by {@code SchemaAheadTest}; a difference would only cost the shortcut ({@link #settle}).
     */
    static final String SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE;CACHE_SIZE=4096";
    static final String USER = "timeline";
    /** {@code timeline.db-path} in application.properties, under {@code user.home}. */
    static final String DEFAULT_PATH = "/.provision-timeline/db/timeline";
    static final String MIGRATE_AT_START = "quarkus.flyway.migrate-at-start";

    /**
     * The class loader of {@code java -jar quarkus-run.jar}. Dev mode runs main too, in another loader, before its
     * launch mode is set, and opens its own database ({@code %dev.timeline.db-path}): migrating ahead there would
     * create the default database as a side effect.
     */
    static final String PACKAGED_JAR_LOADER = "io.quarkus.bootstrap.runner.RunnerClassLoader";

    /**
     * Settings that may change the database, its account or its migrations, and sources of settings this class does
     * not read (profiles, config files named elsewhere): while any is set, the database is left to Quarkus.
     */
    private static final List<String> PROPERTY_PREFIXES = List.of("quarkus.datasource", "quarkus.flyway",
            "quarkus.profile", "quarkus.config", "smallrye.config", "timeline.db-url");
    private static final List<String> ENV_PREFIXES = List.of("QUARKUS_DATASOURCE", "QUARKUS_FLYWAY",
            "QUARKUS_PROFILE", "QUARKUS_CONFIG", "SMALLRYE_CONFIG", "TIMELINE_DB_URL");
    /** Files in the working directory that Quarkus reads settings from. */
    private static final List<String> CONFIG_FILES = List.of("config/application.properties",
            "config/application.yaml", "config/application.yml", ".env");

    private static volatile SchemaAhead started;

    private final String url;
    /** Completes with a connection kept open (H2 closes a database when its last connection closes). */
    private final CompletableFuture<Connection> open = new CompletableFuture<>();

    private SchemaAhead(String url) {
        this.url = url;
    }

    /** Starts migrating on a daemon thread when the database is known ({@link #knownUrl}); called by main. */
    public static void start() {
        boolean packaged = PACKAGED_JAR_LOADER.equals(SchemaAhead.class.getClassLoader().getClass().getName());
        knownUrl(packaged, System.getenv(), System.getProperties(), Path.of("")).ifPresent(url -> {
            System.setProperty(MIGRATE_AT_START, "false");
            startMigrating(url);
        });
    }

    /** Opens and migrates {@code url} on a daemon thread, for {@link #settle} to take over. */
    static void startMigrating(String url) {
        SchemaAhead ahead = new SchemaAhead(url);
        started = ahead;
        Thread t = new Thread(ahead::migrate, "schema-ahead");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The URL Quarkus will open in the packaged jar ({@code packaged}), when nothing but {@code timeline.db-path}
     * (system property, else {@code TIMELINE_DB_PATH}) may change it from application.properties; empty otherwise.
     */
    static Optional<String> knownUrl(boolean packaged, Map<String, String> env, Map<?, ?> properties, Path workDir) {
        if (!packaged
                || properties.keySet().stream().anyMatch(k -> startsWithAny(String.valueOf(k), PROPERTY_PREFIXES))
                || env.keySet().stream().anyMatch(k -> startsWithAny(k, ENV_PREFIXES))
                || CONFIG_FILES.stream().anyMatch(f -> Files.exists(workDir.resolve(f)))) {
            return Optional.empty();
        }
        Object path = properties.get("timeline.db-path");
        if (path == null) {
            path = env.get("TIMELINE_DB_PATH");
        }
        if (path == null) {
            Object home = properties.get("user.home");
            path = home == null ? null : home + DEFAULT_PATH;
        }
        String p = path == null ? "" : path.toString();
        // An expression or a setting in the path is Quarkus's to expand; an empty one is an error it reports.
        if (p.isBlank() || p.contains("$") || p.contains(";")) {
            return Optional.empty();
        }
        return Optional.of("jdbc:h2:file:" + p + SETTINGS);
    }

    private static boolean startsWithAny(String key, List<String> prefixes) {
        return prefixes.stream().anyMatch(key::startsWith);
    }

    /** On the thread of its own: opens the database, keeps it open, migrates it with Flyway's defaults. */
    private void migrate() {
        Connection keep = null;
        try {
            keep = DriverManager.getConnection(url, USER, "");
            migrate(url);
            open.complete(keep);
        } catch (Throwable e) {   // whatever it was, settle must not wait for ever: Quarkus migrates instead
            closeQuietly(keep);
            open.completeExceptionally(e);
        }
    }

    /**
     * Migrates {@code url} with the migrations of {@code db/migration}, Quarkus's default location.
     *
     * @throws IllegalStateException when the database has no schema version after it (no migration was found: a
     *                               class path this scan cannot read); the schema must not be taken as migrated then
     */
    static MigrateResult migrate(String url) {
        MigrateResult result = Flyway.configure(SchemaAhead.class.getClassLoader()).dataSource(url, USER, "")
                .locations("classpath:db/migration").load().migrate();
        if (result.initialSchemaVersion == null && result.targetSchemaVersion == null) {
            throw new IllegalStateException("no migration found in db/migration");
        }
        return result;
    }

    /**
     * Called once Quarkus runs, before anything reads the database: when this process migrated {@code configuredUrl}
     * (with {@code user} and no password) ahead, takes a connection from {@code pool} while the database is still
     * open, then closes the one kept open here. Otherwise, when a migration ahead was started (and Quarkus's was
     * turned off), runs {@code quarkusMigration}. Does nothing when none was started.
     *
     * @return whether the schema was migrated ahead
     */
    static boolean settle(String configuredUrl, String user, String password, ConnectionSource pool,
                          Runnable quarkusMigration) {
        SchemaAhead ahead = started;
        started = null;
        if (ahead == null) {
            return false;
        }
        Connection keep;
        try {
            keep = ahead.open.join();
        } catch (RuntimeException failed) {
            // Quarkus's migration meets the same problem (a locked file, a full disk) and reports it in full.
            LOG.debugf("migrating ahead failed, migrating with Quarkus: %s", failed.getMessage());
            quarkusMigration.run();
            return false;
        }
        try {
            if (!ahead.url.equals(configuredUrl) || !USER.equals(user) || !password.isEmpty()) {
                LOG.warnf("migrated %s while starting, but the configured database is another one; migrating that one",
                        ahead.url.replaceFirst(";.*$", ""));
                quarkusMigration.run();
                return false;
            }
            pool.connect().close();   // the pool keeps it: the database stays open after ours closes
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + configuredUrl.replaceFirst(";.*$", "") + ": "
                    + e.getMessage(), e);
        } finally {
            closeQuietly(keep);
        }
    }

    /** Where {@link #settle} takes its first pooled connection from. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection connect() throws SQLException;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the database closes with the process, or with the pool's connections
            }
        }
    }
}
