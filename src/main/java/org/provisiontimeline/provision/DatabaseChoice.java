package org.provisiontimeline.provision;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;

/**
 * Chooses the database when the process starts, so one jar serves both: PostgreSQL when {@code TIMELINE_DB_URL}
 * (or {@code -Dtimeline.db-url}) names a {@code jdbc:postgresql:} URL, else the embedded H2 file. Quarkus fixes each
 * datasource's kind at build time, so the jar carries both datasources; this source only
 * says which one is active. Its ordinal sits above application.properties and below environment variables, so an
 * explicit {@code TIMELINE_DB_POSTGRESQL_ACTIVE} (or a test profile) still wins.
 */
public class DatabaseChoice extends MapBackedConfigSource {

    static final String POSTGRESQL_ACTIVE = "timeline.db.postgresql-active";
    static final String H2_ACTIVE = "timeline.db.h2-active";

    public DatabaseChoice() {
        super("timeline-database-choice", choice(), 260);
    }

    private static Map<String, String> choice() {
        String url = System.getProperty("timeline.db-url", System.getenv().getOrDefault("TIMELINE_DB_URL", ""));
        boolean postgresql = url.startsWith("jdbc:postgresql:");
        boolean h2 = url.isEmpty();   // any other URL: neither, and Database stops start-up saying why
        return Map.of(POSTGRESQL_ACTIVE, Boolean.toString(postgresql), H2_ACTIVE, Boolean.toString(h2));
    }
}
