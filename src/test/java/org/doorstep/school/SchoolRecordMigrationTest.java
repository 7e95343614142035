package org.doorstep.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doorstep.database.MigrationContexts;
import org.junit.jupiter.api.Test;

/**
 * V60 on a database made before onboarding: each school keeps the prefix its visits carry, a school
 * without visits gets the first free one of its id's letters, and from then on prefixes are unique.
 */
class SchoolRecordMigrationTest {

    @Test
    void schoolsMadeBeforeOnboardingGetThePrefixTheirVisitsCarryOrAFreeOne() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:v60-" + System.nanoTime(), "sa", "");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE school (id VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL, phone VARCHAR(40),"
                    + " email VARCHAR(200), address VARCHAR(400))");
            sql.execute("CREATE TABLE school_reference_sequence (school_id VARCHAR(64) PRIMARY KEY, prefix VARCHAR(20) NOT NULL"
                    + " UNIQUE, next_value BIGINT NOT NULL)");
            sql.execute("INSERT INTO school (id, name) VALUES ('thames-view-junior', 'Thames View'), ('thames-side', 'Thames Side'),"
                    + " ('thornbury-primary', 'Thornbury'), ('tha', 'Tha')");
            sql.execute("INSERT INTO school_reference_sequence VALUES ('thames-side', 'THA', 12)");

            new SchoolRecordMigration().migrate(MigrationContexts.on(db));

            assertThat(prefixes(sql)).containsExactly(
                    Map.entry("tha", "THA2"),
                    Map.entry("thames-side", "THA"),
                    Map.entry("thames-view-junior", "THAM"),
                    Map.entry("thornbury-primary", "THO"));
            assertThatThrownBy(() -> sql.execute("UPDATE school SET reference_prefix = 'THA' WHERE id = 'tha'"))
                    .as("prefixes are unique from now on").isInstanceOf(SQLException.class);
        }
    }

    private static Map<String, String> prefixes(Statement sql) throws SQLException {
        Map<String, String> prefixes = new LinkedHashMap<>();
        try (ResultSet row = sql.executeQuery("SELECT id, reference_prefix FROM school ORDER BY id")) {
            while (row.next()) {
                prefixes.put(row.getString(1), row.getString(2));
            }
        }
        return prefixes;
    }
}
