package org.provisiontimeline.provision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plain JDBC on the active datasource, for the few portable statements the service runs (issue 15: an object-relational
 * mapper cost about half a second of every start, for two tables written by one class). A connection taken inside a
 * transaction ({@code QuarkusTransaction}) is enlisted in it by the pool, so every statement of one transaction runs on
 * one connection and commits or rolls back with it; outside one, each statement commits on its own.
 */
final class Sql {

    /** Reads one row of a result. */
    interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private Sql() {
    }

    static <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (Connection c = Database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (r.next()) {
                    out.add(row.read(r));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(sql, e);
        }
    }

    static <T> Optional<T> first(String sql, Row<T> row, Object... params) {
        return list(sql, row, params).stream().findFirst();
    }

    /** Runs an insert, update or lock; returns the number of rows it touched. */
    static int update(String sql, Object... params) {
        try (Connection c = Database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseFailure(sql, e);
        }
    }

    /** Runs an insert and returns the identity the database gave its row ({@code keyColumn}). */
    static long insert(String sql, String keyColumn, Object... params) {
        try (Connection c = Database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, params);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for " + keyColumn);
                }
                return keys.getLong(keyColumn);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(sql, e);
        }
    }

    /** An instant as stored in a {@code timestamp with time zone} column: the same on H2 and PostgreSQL. */
    static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                s.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else if (p instanceof Enum<?> e) {
                s.setString(i + 1, e.name());
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    /**
     * A statement that failed. Its cause is the driver's {@link SQLException}: {@link DatabaseDown} reads its state to
     * tell a lost connection (503) from a conflict or a bug.
     */
    static final class DatabaseFailure extends RuntimeException {
        DatabaseFailure(String sql, SQLException cause) {
            super("database statement failed (" + cause.getSQLState() + "): " + sql.split(" ", 2)[0], cause);
        }

        /** Whether the statement broke a unique key: another writer got there first. */
        boolean isUniqueViolation() {
            return getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
        }
    }
}
