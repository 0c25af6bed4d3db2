package org.provisiontimeline.provision;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * On PostgreSQL, instances sharing the database hear each other's writes at once: every write sends
 * {@code NOTIFY provision_changes} in its transaction (delivered on commit), and each instance LISTENs on a
 * connection of its own and refreshes its catalog when told. The catalog's poll stays as the fallback for a lost
 * listening connection; after reconnecting, the listener refreshes once, for what it may have missed.
 */
@ApplicationScoped
class ChangeListener {

    static final String CHANNEL = "provision_changes";
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);

    private final Database database;
    private final ProvisionCatalog catalog;
    private final Optional<String> url;
    private final String user;
    private final Optional<String> password;
    private volatile boolean running = true;
    private Thread thread;

    ChangeListener(Database database, ProvisionCatalog catalog,
                   @ConfigProperty(name = "quarkus.datasource.\"postgresql\".jdbc.url") Optional<String> url,
                   @ConfigProperty(name = "quarkus.datasource.\"postgresql\".username") String user,
                   @ConfigProperty(name = "quarkus.datasource.\"postgresql\".password") Optional<String> password) {
        this.database = database;
        this.catalog = catalog;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent start) {
        if (database.kind() != Database.Kind.POSTGRESQL || url.isEmpty()) {
            return;   // H2 is one process's file: there is no other instance to hear
        }
        thread = new Thread(this::listen, "catalog-listen");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean wasDown = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url.get(), user, password.orElse(""));
                 Statement s = c.createStatement()) {
                s.execute("LISTEN " + CHANNEL);
                if (wasDown) {
                    LOG.info("listening for other instances' writes again");
                    catalog.refreshFromElsewhere();   // notifications sent while we were away are lost
                    wasDown = false;
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = pg.getNotifications(1000);
                    if (heard != null && heard.length > 0) {
                        catalog.refreshFromElsewhere();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                if (!wasDown) {
                    LOG.warnf("not listening for other instances' writes (%s); polling until the database is back",
                            e.getMessage());
                    wasDown = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }
}
