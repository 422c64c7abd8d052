package org.tongke.recorder.server;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/** The recorder's one database (H2 embedded by default, PostgreSQL by URL), migrated by Flyway on start. */
public final class Database implements AutoCloseable {
    private final DataSource dataSource;
    private final String url;

    private Database(DataSource dataSource, String url) {
        this.dataSource = dataSource;
        this.url = url;
    }

    /**
     * Opens {@code url} ({@code --db}), or an H2 file in {@code library} when it is null, and
     * applies the migrations under {@code db/migration}. PostgreSQL's user and password go in the
     * URL ({@code ?user=...&password=...}).
     */
    public static Database open(String url, Path library) {
        // WRITE_DELAY=0: H2 otherwise writes commits out up to half a second later, and a killed
        // recorder would forget offsets and stored segments it had confirmed.
        String jdbc = url != null ? url : "jdbc:h2:file:" + library.resolve("recorder-db").toAbsolutePath() + ";WRITE_DELAY=0";
        DataSource ds;
        if (jdbc.startsWith("jdbc:h2:")) {
            ds = JdbcConnectionPool.create(jdbc, "sa", "");
        } else if (jdbc.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(jdbc);
            ds = pg;
        } else {
            throw new IllegalArgumentException("--db " + jdbc + " is neither jdbc:h2:... nor jdbc:postgresql:...");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new Database(ds, jdbc);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (dataSource instanceof JdbcConnectionPool pool) {
            pool.dispose();
        }
    }
}
