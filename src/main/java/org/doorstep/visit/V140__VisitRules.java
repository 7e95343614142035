package org.doorstep.visit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * A visit keeps the rules it started with on its row ({@link VisitRules}), no longer as process
 * variables. Visits already running on an upgraded install have them only as variables: their values
 * are copied into the new column by the same names, so those visits keep their rules too (the
 * variables stay; only the venue options, a serialised object, are still read from them, by VisitVenue
 * and the plan form). In Java because the engine's tables exist only on an
 * install that has run, and are looked up, not assumed.
 */
@Component
class V140__VisitRules extends BaseJavaMigration {

    /** The variables the snapshot replaces (names of {@link VisitRules.Rules}' components). */
    private static final List<String> COPIED = List.of("authoriserGroup", "safeguardingCoAuthoriserGroup", "assessorGroup",
            "assessorMayEscalate", "protectionRegisterCheck",            "seniorDecisionGroups", "reusePreviousAssessment", "pairing",
            "outsideAgencyPartnerAllowed", "appointmentRule", "entryWithoutParentForReasons", "parentWait",
            "lateParentLimit", "noticeType", "noticeWhenEntryRefused", "cancellationReportedTo", "doorGuidance", "checkInInterval");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE visit ADD COLUMN rules VARCHAR");
        }
        if (!engineTablesExist(connection.getMetaData())) {
            return;
        }
        Map<String, Map<String, Object>> running = new HashMap<>();
        String names = String.join(",", COPIED.stream().map(name -> "'" + name + "'").toList());
        try (Statement statement = connection.createStatement();
             ResultSet variables = statement.executeQuery("""
                     SELECT e.BUSINESS_KEY_, v.NAME_, v.TYPE_, v.TEXT_, v.LONG_
                     FROM ACT_RU_EXECUTION e
                     JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_ AND d.KEY_ = '%s'
                     JOIN ACT_RU_VARIABLE v ON v.EXECUTION_ID_ = e.ID_
                     WHERE e.ID_ = e.PROC_INST_ID_ AND v.NAME_ IN (%s)""".formatted(HomeVisitProcess.KEY, names))) {
            while (variables.next()) {
                Object value = "boolean".equals(variables.getString(3)) ? (Object) (variables.getLong(5) == 1)
                        : variables.getString(4);
                running.computeIfAbsent(variables.getString(1), visit -> new LinkedHashMap<>()).put(variables.getString(2), value);
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE visit SET rules = ? WHERE reference = ? AND rules IS NULL")) {
            for (Map.Entry<String, Map<String, Object>> visit : running.entrySet()) {
                update.setString(1, VisitRules.write(visit.getValue()));
                update.setString(2, visit.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static boolean engineTablesExist(DatabaseMetaData meta) throws Exception {
        for (String table : List.of("ACT_RU_VARIABLE", "act_ru_variable")) {
            try (ResultSet tables = meta.getTables(null, null, table, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
