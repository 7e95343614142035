package org.doorstep.school;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V60: a school record carries what onboarding declares (URN, LA and DfE numbers, the visit reference
 * prefix). Schools made before onboarding existed get a prefix here, once: the one their visits already
 * use (their reference counter's), else the first three letters of their id, longer beginnings of it, then
 * the three letters and a number, whichever is free. From then on every prefix is declared and unique.
 */
@Component
class SchoolRecordMigration implements JavaMigration {

    private static final int SHORTEST_PREFIX = 3;
    /** As long as the counters made before V60 could be. */
    private static final int LONGEST_PREFIX = 20;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("60");
    }

    @Override
    public String getDescription() {
        return "school record and declared reference prefix";
    }

    @Override
    public Integer getChecksum() {
        return 60;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE school ADD COLUMN urn VARCHAR(6)");
            ddl.execute("ALTER TABLE school ADD COLUMN la_number VARCHAR(3)");
            ddl.execute("ALTER TABLE school ADD COLUMN dfe_number VARCHAR(8)");
            ddl.execute("ALTER TABLE school ADD COLUMN reference_prefix VARCHAR(20)");
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        try (Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("""
                        SELECT s.id, c.prefix FROM school s LEFT JOIN school_reference_sequence c ON c.school_id = s.id
                        ORDER BY c.prefix, s.id""")) {
            while (row.next()) {
                prefixes.put(row.getString(1), row.getString(2));
            }
        }
        Set<String> taken = new HashSet<>(prefixes.values());
        try (PreparedStatement declare = connection.prepareStatement("UPDATE school SET reference_prefix = ? WHERE id = ?")) {
            for (Map.Entry<String, String> school : prefixes.entrySet()) {
                String prefix = school.getValue() != null ? school.getValue()
                        : candidates(school.getKey()).filter(taken::add).findFirst().orElseThrow();
                declare.setString(1, prefix);
                declare.setString(2, school.getKey());
                declare.addBatch();
            }
            declare.executeBatch();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE school ALTER COLUMN reference_prefix SET NOT NULL");
            ddl.execute("ALTER TABLE school ADD CONSTRAINT school_reference_prefix_unique UNIQUE (reference_prefix)");
            ddl.execute("ALTER TABLE school ADD CONSTRAINT school_urn_unique UNIQUE (urn)");
        }
    }

    private static Stream<String> candidates(String schoolId) {
        String letters = schoolId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        String base = letters.isEmpty() ? "SCH" : letters.substring(0, Math.min(SHORTEST_PREFIX, letters.length()));
        Stream<String> longer = IntStream.rangeClosed(base.length(), Math.min(LONGEST_PREFIX, letters.length()))
                .mapToObj(length -> letters.substring(0, length));
        return Stream.concat(longer, Stream.iterate(2, n -> n + 1).map(n -> base + n));
    }
}
