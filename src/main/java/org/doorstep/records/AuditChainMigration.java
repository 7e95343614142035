package org.doorstep.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * V2: chains the audit trail. Written in Java so that the rows already there are hashed by the same
 * code that hashes new ones ({@link AuditChain}). On PostgreSQL a trigger then refuses UPDATE,
 * DELETE and TRUNCATE on audit_event; H2 (the demo database) has no such guard, the chain still
 * shows any change. Spring Boot hands this bean to Flyway.
 */
@Component
class AuditChainMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "audit hash chain";
    }

    @Override
    public Integer getChecksum() {
        return 2;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64)");
            ddl.execute("ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64)");
            ddl.execute("CREATE TABLE audit_chain_head (id INT PRIMARY KEY, last_id BIGINT NOT NULL, last_hash VARCHAR(64) NOT NULL)");
        }
        long lastId = 0;
        String previous = AuditChain.GENESIS;
        try (Statement rows = connection.createStatement();
                ResultSet row = rows.executeQuery(
                        "SELECT id, occurred_at, actor, action, subject_type, subject_id, detail FROM audit_event ORDER BY id");
                PreparedStatement seal = connection.prepareStatement("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?")) {
            while (row.next()) {
                lastId = row.getLong("id");
                String hash = AuditChain.hash(row.getTimestamp("occurred_at"), row.getString("actor"), row.getString("action"),
                        row.getString("subject_type"), row.getString("subject_id"), row.getString("detail"), previous);
                seal.setString(1, previous);
                seal.setString(2, hash);
                seal.setLong(3, lastId);
                seal.addBatch();
                previous = hash;
            }
            seal.executeBatch();
        }
        try (PreparedStatement head = connection.prepareStatement("INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, ?, ?)")) {
            head.setLong(1, lastId);
            head.setString(2, previous);
            head.executeUpdate();
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE audit_event ALTER COLUMN prev_hash SET NOT NULL");
            ddl.execute("ALTER TABLE audit_event ALTER COLUMN hash SET NOT NULL");
            if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                ddl.execute("""
                        CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
                        END $$""");
                ddl.execute("""
                        CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
                        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()""");
                ddl.execute("""
                        CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
                        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()""");
            }
        }
    }
}
