package org.provisiontimeline.provision;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached" (as opposed to a bug), so the caller can answer
 * 503 and the client can retry: answers from the in-memory catalog go on, only what needs the database waits.
 */
public final class DatabaseDown {

    public static final String DETAIL = "The database cannot be reached at the moment; nothing was written. Answers "
            + "from the current dataset are still served. Retry after a few seconds.";

    private DatabaseDown() {
    }

    /** Whether {@code e} or any of its causes is a lost or refused database connection. */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            // SQLState class 08 is "connection exception"; Agroal's pool timeout carries no state, only its text.
            if (t instanceof SQLException s && ((s.getSQLState() != null && s.getSQLState().startsWith("08"))
                    || String.valueOf(s.getMessage()).contains("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }
}
