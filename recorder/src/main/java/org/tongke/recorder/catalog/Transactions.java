package org.tongke.recorder.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Work on the catalog database, each on one connection in one transaction. */
public final class Transactions {
    private Transactions() {
    }

    /** A unit of work on one connection, committed when it returns, rolled back when it throws. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own; a database error becomes a
     * {@link CatalogException} that starts with {@code what}.
     */
    public static <T> T run(DataSource db, String what, Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new CatalogException(what + ": " + e.getMessage(), e);
        }
    }
}
