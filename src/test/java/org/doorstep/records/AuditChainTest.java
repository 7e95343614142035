package org.doorstep.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail shows any change made behind Doorstep's back, and names the first entry touched (probe S5, C). */
@DoorstepTest
class AuditChainTest {

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    AuditTrail audit;

    @Autowired
    AuditVerification verification;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void entriesAppendedOneByOneAndInsideTransactionsFormAnIntactChain() {
        long before = verification.verify().entries();
        audit.record("office", "NOTE_ADDED", "visit", "HV-CHAIN-1", "outside any transaction");
        transactions.executeWithoutResult(status -> {
            audit.record("head", "VISIT_STATUS", "visit", "HV-CHAIN-1", "AUTHORISED");
            audit.record("dsl", "SAFEGUARDING_NOTES_READ", "visit", "HV-CHAIN-1", null);
        });
        AuditVerification.Result result = verification.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(before + 3);
        assertThat(audit.events("visit", "HV-CHAIN-1")).extracting(AuditTrail.AuditEvent::action)
                .containsExactly("NOTE_ADDED", "VISIT_STATUS", "SAFEGUARDING_NOTES_READ");
    }

    @Test
    void aRolledBackTransactionLeavesNoEntry() {
        transactions.executeWithoutResult(status -> {
            audit.record("office", "NOTE_ADDED", "visit", "HV-CHAIN-2", "never committed");
            status.setRollbackOnly();
        });
        assertThat(audit.events("visit", "HV-CHAIN-2")).isEmpty();
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void concurrentWritersStillFormOneChain() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                String actor = "writer-" + writer;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        transactions.executeWithoutResult(status -> audit.record(actor, "NOTE_ADDED", "visit", "HV-CHAIN-3", null));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }
        assertThat(audit.events("visit", "HV-CHAIN-3")).hasSize(40);
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void theEngineClockDatesEachEntry() {
        Date moved = new Date(1_900_000_000_000L);
        ClockUtil.setCurrentTime(moved);
        audit.record("office", "NOTE_ADDED", "visit", "HV-CHAIN-4", null);
        assertThat(audit.events("visit", "HV-CHAIN-4")).singleElement()
                .extracting(AuditTrail.AuditEvent::occurredAt).isEqualTo(moved.toInstant());
    }

    @Test
    void anActorChangedThroughTheDatabaseIsFoundAndNamed() {
        audit.record("dsl", "SAFEGUARDING_NOTES_READ", "visit", "HV-CHAIN-5", null);
        audit.record("head", "VISIT_STATUS", "visit", "HV-CHAIN-5", "AUTHORISED");
        long tampered = jdbc.sql("SELECT MIN(id) FROM audit_event WHERE subject_id = 'HV-CHAIN-5'").query(Long.class).single();
        behindDoorstepsBack("UPDATE audit_event SET actor = 'nobody' WHERE id = " + tampered);
        try {
            AuditVerification.Result result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(tampered);
            assertThat(result.problem()).contains("entry " + tampered + " was changed");
        } finally {
            behindDoorstepsBack("UPDATE audit_event SET actor = 'dsl' WHERE id = " + tampered);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aRemovedEntryIsFoundByTheOneAfterIt() {
        audit.record("office", "NOTE_ADDED", "visit", "HV-CHAIN-6", "first");
        audit.record("office", "NOTE_ADDED", "visit", "HV-CHAIN-6", "second");
        audit.record("office", "NOTE_ADDED", "visit", "HV-CHAIN-6", "third");
        List<Long> ids = jdbc.sql("SELECT id FROM audit_event WHERE subject_id = 'HV-CHAIN-6' ORDER BY id").query(Long.class).list();
        Removed second = jdbc.sql("SELECT occurred_at, prev_hash, hash FROM audit_event WHERE id = ?").param(ids.get(1))
                .query(Removed.class).single();
        behindDoorstepsBack("DELETE FROM audit_event WHERE id = " + ids.get(1));
        try {
            AuditVerification.Result result = verification.verify();
            assertThat(result.brokenAt()).isEqualTo(ids.get(2));
            assertThat(result.problem()).contains("before entry " + ids.get(2) + " is missing");
        } finally {
            putBack(ids.get(1), second);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void onPostgresqlTheDatabaseItselfRefusesToChangeOrDeleteEntries() {
        assumeThat(postgres()).as("PostgreSQL only: H2 has no trigger, the chain alone shows changes").isTrue();
        audit.record("office", "NOTE_ADDED", "visit", "HV-CHAIN-7", null);
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'nobody' WHERE subject_id = 'HV-CHAIN-7'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE subject_id = 'HV-CHAIN-7'").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void administratorsAndOnlyThemAskWhetherTheTrailIsIntact() {
        var answer = WebClient.basic(port, "admin", password).get("/api/audit/verification");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"intact\":true").containsPattern("\"lastHash\":\"[0-9a-f]{64}\"");
        assertThat(WebClient.basic(port, "dsl", password).get("/api/audit/verification").statusCode()).isEqualTo(403);
    }

    /** What someone with the database's owner rights could do: switch the PostgreSQL guard off first. */
    private void behindDoorstepsBack(String sql) {
        transactions.executeWithoutResult(status -> {
            if (postgres()) {
                jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").update();
            }
            jdbc.sql(sql).update();
            if (postgres()) {
                jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only").update();
            }
        });
    }

    private void putBack(long id, Removed row) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                INSERT INTO audit_event (id, occurred_at, actor, action, subject_type, subject_id, detail, prev_hash, hash)
                VALUES (?, ?, 'office', 'NOTE_ADDED', 'visit', 'HV-CHAIN-6', 'second', ?, ?)""")
                .params(id, row.occurredAt(), row.prevHash(), row.hash()).update());
    }

    private boolean postgres() {
        return datasourceUrl.startsWith("jdbc:postgresql:");
    }

    private record Removed(Timestamp occurredAt, String prevHash, String hash) {
    }
}
