package org.provisiontimeline.provision;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Chooses the database when the process starts, so one jar serves both: PostgreSQL when {@code TIMELINE_DB_URL}
 * (or {@code -Dtimeline.db-url}) names a {@code jdbc:postgresql:} URL, else the embedded H2 file. Quarkus fixes each
 * datasource's kind at build time, so the jar carries both datasources; this source only
 * says which one is active. Its ordinal sits above application.properties and below environment variables, so an
 * explicit {@code TIMELINE_DB_POSTGRESQL_ACTIVE} (or a test profile) still wins.
 */
public class DatabaseChoice implements ConfigSource {

    static final String POSTGRESQL_ACTIVE = "timeline.db.postgresql-active";
    static final String H2_ACTIVE = "timeline.db.h2-active";

    private final Map<String, String> values;

    public DatabaseChoice() {
        String url = System.getProperty("timeline.db-url", System.getenv().getOrDefault("TIMELINE_DB_URL", ""));
        boolean postgresql = url.startsWith("jdbc:postgresql:");
        boolean h2 = url.isEmpty();   // any other URL: neither, and Database stops start-up saying why
        values = Map.of(POSTGRESQL_ACTIVE, Boolean.toString(postgresql), H2_ACTIVE, Boolean.toString(h2));
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "timeline-database-choice";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
