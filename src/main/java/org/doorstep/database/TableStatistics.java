package org.doorstep.database;

import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Refreshes the planner's statistics after a large import. A new school's first register or pupil file turns
 * empty tables into large ones in one transaction; until autovacuum next analyses them (on PostgreSQL that
 * can be after the day's evaluation), the planner still plans for empty tables and scans where an index
 * lookup was meant. ANALYZE samples a bounded number of rows, so its cost does not grow with the table.
 */
@Component
public class TableStatistics {

    /** Fewer written rows than this barely move a table's statistics; autovacuum's own analysis suffices. */
    public static final int AFTER_ROWS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    TableStatistics(JdbcTemplate jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    /**
     * After an import that wrote {@code rowsWritten} rows, analyses {@code tables} (the import's own and those
     * the absence evaluation reads next) once the import's transaction has committed, so the statistics
     * count its rows and a failure here never undoes the import.
     */
    public void refreshAfterImport(int rowsWritten, List<String> tables) {
        if (rowsWritten < AFTER_ROWS) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    analyse(rowsWritten, tables);
                }
            });
        } else {
            analyse(rowsWritten, tables);
        }
    }

    private void analyse(int rowsWritten, List<String> tables) {
        long started = System.nanoTime();
        for (String table : tables) {
            jdbc.execute((postgres ? "ANALYZE " : "ANALYZE TABLE ") + table);
        }
        log.info("Statistics refreshed after an import of {} rows: {} in {} ms", rowsWritten, tables,
                (System.nanoTime() - started) / 1_000_000);
    }
}
