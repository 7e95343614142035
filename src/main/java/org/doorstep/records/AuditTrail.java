package org.doorstep.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who did what to which record, and when: kept for every change and every read of sensitive notes.
 * Append-only and hash-chained ({@link AuditChain}); {@link AuditVerification} checks the chain.
 * <p>
 * Inside a transaction the entries are appended just before it commits, so the lock on the chain
 * head is held for moments, not for the whole business transaction, and an entry exists only if
 * what it records was committed.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    public void record(String actor, String action, String subjectType, String subjectId, String detail) {
        Entry entry = new Entry(Timestamp.from(EngineClock.now()), actor, action, subjectType,
                subjectId, detail);
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            ownTransaction.executeWithoutResult(status -> append(List.of(entry)));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.appended) {
            // Recorded by another before-commit step after ours ran: still in this transaction.
            append(List.of(entry));
        } else {
            pending.entries.add(entry);
        }
    }

    public List<AuditEvent> events(String subjectType, String subjectId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, subject_type, subject_id, detail FROM audit_event
                WHERE subject_type = ? AND subject_id = ? ORDER BY id""")
                .params(subjectType, subjectId).query(AuditEvent.class).list();
    }

    private void append(List<Entry> entries) {
        String previous = jdbc.sql("SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query(String.class).single();
        for (Entry entry : entries) {
            String hash = AuditChain.hash(entry.occurredAt(), entry.actor(), entry.action(), entry.subjectType(),
                    entry.subjectId(), entry.detail(), previous);
            jdbc.sql("""
                    INSERT INTO audit_event (occurred_at, actor, action, subject_type, subject_id, detail, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(entry.occurredAt(), entry.actor(), entry.action(), entry.subjectType(), entry.subjectId(),
                            entry.detail(), previous, hash)
                    .update();
            previous = hash;
        }
        // Every insert happens under the head's lock, so the highest id is the one just written.
        long lastId = jdbc.sql("SELECT MAX(id) FROM audit_event").query(Long.class).single();
        jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1").params(lastId, previous).update();
    }

    private record Entry(Timestamp occurredAt, String actor, String action, String subjectType, String subjectId,
            String detail) {
    }

    /** This transaction's entries, appended in one go when it is about to commit. */
    private final class Pending implements TransactionSynchronization {
        private final List<Entry> entries = new ArrayList<>();
        private boolean appended;

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = true;
            if (!entries.isEmpty()) {
                append(entries);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
        }
    }

    public record AuditEvent(Instant occurredAt, String actor, String action, String subjectType, String subjectId,
            String detail) {
    }
}
