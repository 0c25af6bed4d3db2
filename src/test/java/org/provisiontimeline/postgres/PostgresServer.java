package org.provisiontimeline.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL server for the tests, from the binaries zonky ships in a jar: nothing installed by hand. As root
 * (CI) zonky runs the server in a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root.
 * Stopping keeps the data directory, so a test can take the database away and bring the same one back.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a fresh server with its data in {@code dataDir}; {@code port} 0 picks a free one. */
    public static PostgresServer start(Path dataDir, int port) {
        PostgresServer s = new PostgresServer(dataDir, port);
        s.server = s.launch(port);
        return s;
    }

    private EmbeddedPostgres launch(int onPort) {
        try {
            // Never "clean": zonky would delete the data when the server stops. An empty directory gets initdb.
            EmbeddedPostgres.Builder b = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                    .setCleanDataDirectory(false).setServerConfig("max_connections", "100");
            if (onPort != 0) {
                b.setPort(onPort);
            }
            return b.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public int port() {
        return server == null ? port : server.getPort();
    }

    /** The JDBC URL of the server's {@code postgres} database (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    /** Stops the server; its data stays for {@link #resume()}. */
    public void stop() {
        int was = port();
        close();
        server = null;
        stoppedPort = was;
    }

    private int stoppedPort;

    /** Starts the server again on the same port and data. */
    public void resume() {
        server = launch(stoppedPort);
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
