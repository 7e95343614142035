package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.doorstep.database.MigrationContexts;
import org.doorstep.policy.PolicyProfile;
import org.junit.jupiter.api.Test;

/**
 * V140 on an upgraded install: a running visit, whose rules are only process variables, gets them
 * on its row; a finished visit and other processes' variables are left alone.
 */
class VisitRulesMigrationTest {

    @Test
    void aRunningVisitKeepsTheRulesItsVariablesHeld() throws Exception {
        try (Connection db = withVisitTable(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE ACT_RE_PROCDEF (ID_ VARCHAR(64) PRIMARY KEY, KEY_ VARCHAR(255))");
            sql.execute("CREATE TABLE ACT_RU_EXECUTION (ID_ VARCHAR(64) PRIMARY KEY, PROC_INST_ID_ VARCHAR(64),"
                    + " BUSINESS_KEY_ VARCHAR(255), PROC_DEF_ID_ VARCHAR(64))");
            sql.execute("CREATE TABLE ACT_RU_VARIABLE (ID_ VARCHAR(64) PRIMARY KEY, NAME_ VARCHAR(255), TYPE_ VARCHAR(255),"
                    + " EXECUTION_ID_ VARCHAR(64), LONG_ BIGINT, TEXT_ VARCHAR(4000))");
            sql.execute("INSERT INTO visit VALUES ('THA-1'), ('THA-2')");
            sql.execute("INSERT INTO ACT_RE_PROCDEF VALUES ('home-visit:1:a', 'home-visit'), ('staff-safety:1:b', 'staff-safety')");
            sql.execute("INSERT INTO ACT_RU_EXECUTION VALUES ('p1', 'p1', 'THA-1', 'home-visit:1:a'),"
                    + " ('w1', 'w1', 'THA-1', 'staff-safety:1:b')");
            sql.execute("""
                    INSERT INTO ACT_RU_VARIABLE VALUES
                    ('1', 'parentWait', 'string', 'p1', NULL, 'PT20M'),
                    ('2', 'lateParentLimit', 'string', 'p1', NULL, 'PT30M'),
                    ('3', 'pairing', 'string', 'p1', NULL, 'ALWAYS'),
                    ('4', 'reusePreviousAssessment', 'boolean', 'p1', 1, NULL),
                    ('5', 'outsideAgencyPartnerAllowed', 'boolean', 'p1', 0, NULL),
                    ('6', 'noticeType', 'string', 'p1', NULL, 'CALLING_CARD'),
                    ('7', 'checkInInterval', 'string', 'p1', NULL, 'PT20M'),
                    ('8', 'checkInInterval', 'string', 'w1', NULL, 'PT5M'),
                    ('9', 'authorisationDecision', 'string', 'p1', NULL, 'approved')""");

            new V140__VisitRules().migrate(MigrationContexts.on(db));

            VisitRules.Rules running = VisitRules.read(rules(sql, "THA-1"));
            assertThat(running.parentWait()).isEqualTo(Duration.ofMinutes(20));
            assertThat(running.lateParentLimit()).isEqualTo(Duration.ofMinutes(30));
            assertThat(running.pairing()).isEqualTo(PolicyProfile.Pairing.ALWAYS);
            assertThat(running.reusePreviousAssessment()).isTrue();
            assertThat(running.outsideAgencyPartnerAllowed()).isFalse();
            assertThat(running.noticeType()).isEqualTo(PolicyProfile.NoAnswerNotice.CALLING_CARD);
            assertThat(running.checkInInterval()).as("the visit's, not its safety watch's").isEqualTo(Duration.ofMinutes(20));
            assertThat(rules(sql, "THA-2")).as("no running process: nothing to keep").isNull();
        }
    }

    @Test
    void aFreshInstallOnlyGetsTheColumn() throws Exception {
        try (Connection db = withVisitTable(); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO visit VALUES ('THA-1')");

            new V140__VisitRules().migrate(MigrationContexts.on(db));

            assertThat(rules(sql, "THA-1")).isNull();
        }
    }

    /** An empty database of its own with the visit table as it was before V140. */
    private static Connection withVisitTable() throws SQLException {
        Connection db = DriverManager.getConnection("jdbc:h2:mem:v140-" + System.nanoTime(), "sa", "");
        try (Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE visit (reference VARCHAR(40) PRIMARY KEY)");
        }
        return db;
    }

    private static String rules(Statement sql, String reference) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT rules FROM visit WHERE reference = '" + reference + "'")) {
            row.next();
            return row.getString(1);
        }
    }
}
