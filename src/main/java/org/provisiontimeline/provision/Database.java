package org.provisiontimeline.provision;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The database this process opened: the embedded H2 file or PostgreSQL ({@link DatabaseChoice}). Both datasources
 * run the same migrations and the same statements ({@link Sql}); only the active one is ever touched, so the inactive
 * one never opens a connection.
 */
@ApplicationScoped
public class Database {

    /** Which database the process runs on. */
    public enum Kind { H2, POSTGRESQL }

    private static final Logger LOG = Logger.getLogger(Database.class);

    private final Kind kind;
    private final AgroalDataSource dataSource;
    private final String location;
    private boolean migratedAhead;

    Database(@ConfigProperty(name = DatabaseChoice.POSTGRESQL_ACTIVE) boolean postgresql,
             InjectableInstance<AgroalDataSource> h2,
             @io.quarkus.agroal.DataSource("postgresql") InjectableInstance<AgroalDataSource> pg,
             @ConfigProperty(name = "timeline.db-url") Optional<String> url,
             @ConfigProperty(name = "timeline.db-path") String path) {
        if (url.isPresent() && !postgresql) {
            // A typo or another database's URL must not silently fall back to the local H2 file.
            throw new IllegalStateException("TIMELINE_DB_URL must be a jdbc:postgresql: URL (got '"
                    + url.get().replaceFirst("[?;].*$", "") + "'); leave it unset for the embedded H2 file");
        }
        this.kind = postgresql ? Kind.POSTGRESQL : Kind.H2;
        this.dataSource = postgresql ? pg.get() : h2.get();
        // Never log credentials: a JDBC URL may carry ?password=…, so only its address is shown.
        this.location = postgresql ? url.orElse("?").replaceFirst("[?;].*$", "") : "H2 file " + path;
    }

    /** The active datasource, for {@link Sql}. */
    static AgroalDataSource dataSource() {
        return Arc.container().instance(Database.class).get().activeDataSource();   // a client proxy: call, never read
    }

    AgroalDataSource activeDataSource() {
        return dataSource;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Before anything reads the database (the earliest startup observer): takes over the schema {@link SchemaAhead}
     * migrated while the framework booted, or migrates with Quarkus's Flyway when that did not work out.
     */
    void schema(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start,
                @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                InjectableInstance<Flyway> flyway) {
        migratedAhead = SchemaAhead.settle(url.orElse(""), user.orElse(""), password.orElse(""),
                dataSource::getConnection, () -> flyway.get().migrate());
    }

    void report(@Observes StartupEvent start) {
        LOG.infof("Database: %s (%s%s)", kind, location, migratedAhead ? "; schema migrated while starting" : "");
    }
}
