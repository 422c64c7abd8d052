package org.tongke.recorder.catalog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The catalog's database: a pooled connection to embedded H2 (the default, a file in the
 * library's data folder) or PostgreSQL ({@code --db jdbc:postgresql://...}), migrated by Flyway
 * on open, from {@code db/migration} (one set of portable SQL for both).
 */
public final class CatalogDatabase implements AutoCloseable {
    /** Searches are short; a handful of connections serve a county's staff. */
    public static final int DEFAULT_POOL_SIZE = 8;
    public static final String MIGRATIONS = "classpath:db/migration";

    private final HikariDataSource dataSource;

    private CatalogDatabase(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Opens and migrates {@code jdbcUrl}; {@code user} and {@code password} may be {@code null}. */
    public static CatalogDatabase open(String jdbcUrl, String user, String password) {
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db " + jdbcUrl + ": only jdbc:h2: and jdbc:postgresql: URLs are supported");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(DEFAULT_POOL_SIZE);
        config.setPoolName("catalog");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new CatalogDatabase(dataSource);
    }

    /** The embedded default: an H2 file {@code catalog} in {@code dataDir}. */
    public static CatalogDatabase embedded(Path dataDir) {
        return open("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("catalog") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
