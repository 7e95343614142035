package org.doorstep.database;

import java.sql.Connection;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;

/** Runs a Java migration by hand on a test's own connection, as Flyway would, without Flyway's configuration. */
public final class MigrationContexts {

    public static Context on(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private MigrationContexts() {
    }
}
