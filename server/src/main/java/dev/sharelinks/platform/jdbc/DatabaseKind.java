package dev.sharelinks.platform.jdbc;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The two databases differ in a few statements' words (RETURNING, index hints, SKIP LOCKED); everything else is
 * shared. Asked once, on first use, so that start-up does not need the database.
 */
@Component
public class DatabaseKind {

    private final DataSource dataSource;
    private volatile Boolean postgres;

    public DatabaseKind(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(productName());
            postgres = known;
        }
        return known;
    }

    public boolean isH2() {
        return "H2".equalsIgnoreCase(productName());
    }

    private String productName() {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new DataAccessResourceFailureException("Cannot tell which database this is", e);
        }
    }
}
