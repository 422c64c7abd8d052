package org.tongke.recorder.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.tongke.recorder.catalog.CatalogDatabase;

/**
 * A fresh, migrated catalog database of the test's own: a private in-memory H2, or a new
 * database in the PostgreSQL that {@code bin/test} started (TONGKE_TEST_PG_URL,
 * TONGKE_TEST_PG_USER), dropped again on close. Without that PostgreSQL the test fails and
 * says how to get one.
 */
public final class TestDatabases {
    /** The databases every catalog test runs against. */
    public enum Kind { H2, POSTGRESQL }

    private TestDatabases() {
    }

    public static Handle open(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    /** Lives while the pool holds a connection, so it goes when the handle closes the pool. */
    public static Handle h2() {
        CatalogDatabase db = CatalogDatabase.open("jdbc:h2:mem:catalog-" + UUID.randomUUID(), "sa", "");
        return new Handle(db, () -> { });
    }

    public static Handle postgres() {
        String admin = System.getenv("TONGKE_TEST_PG_URL");
        String user = System.getenv("TONGKE_TEST_PG_USER");
        if (admin == null || admin.isBlank()) {
            throw new IllegalStateException("TONGKE_TEST_PG_URL is not set: run the tests through bin/test, which starts"
                    + " a private PostgreSQL, or point TONGKE_TEST_PG_URL (and TONGKE_TEST_PG_USER) at a scratch server");
        }
        String name = "catalog_" + UUID.randomUUID().toString().replace("-", "");
        adminStatement(admin, user, "CREATE DATABASE " + name);
        String url = admin.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        CatalogDatabase db = CatalogDatabase.open(url, user, null);
        return new Handle(db, () -> adminStatement(admin, user, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static void adminStatement(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** The database and how to throw it away. */
    public static final class Handle implements AutoCloseable {
        private final CatalogDatabase db;
        private final Cleanup cleanup;

        Handle(CatalogDatabase db, Cleanup cleanup) {
            this.db = db;
            this.cleanup = cleanup;
        }

        public CatalogDatabase db() {
            return db;
        }

        @Override
        public void close() throws Exception {
            try {
                cleanup.run();
            } finally {
                db.close();
            }
        }
    }

    interface Cleanup {
        void run() throws Exception;
    }
}
