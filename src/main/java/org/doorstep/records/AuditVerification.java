package org.doorstep.records;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Walks the audit chain from its first entry and names the first broken link. The last hash it
 * reports is worth writing down somewhere else (a ticket, the operations log): whoever could
 * rewrite the database could recompute every later hash, but not the one kept outside.
 */
@Service
class AuditVerification {

    private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);

    private final JdbcClient jdbc;

    AuditVerification(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Result verify() {
        Walk walk = new Walk();
        jdbc.sql("SELECT id, occurred_at, actor, action, subject_type, subject_id, detail, prev_hash, hash FROM audit_event ORDER BY id")
                .query(row -> {
                    if (walk.broken != null) {
                        return;
                    }
                    long id = row.getLong("id");
                    String expected = AuditChain.hash(row.getTimestamp("occurred_at"), row.getString("actor"),
                            row.getString("action"), row.getString("subject_type"), row.getString("subject_id"),
                            row.getString("detail"), row.getString("prev_hash"));
                    if (!expected.equals(row.getString("hash"))) {
                        walk.broken = Result.broken(walk.entries, id, "entry " + id + " was changed after it was written");
                    } else if (!walk.lastHash.equals(row.getString("prev_hash"))) {
                        walk.broken = Result.broken(walk.entries, id, "the entry before entry " + id
                                + " is missing or was replaced (entry " + walk.lastId + " is not the one it follows)");
                    } else {
                        walk.entries++;
                        walk.lastId = id;
                        walk.lastHash = row.getString("hash");
                    }
                });
        Result result = walk.broken != null ? walk.broken : endOfChain(walk);
        if (result.intact()) {
            log.info("Audit trail intact: {} entries, last hash {}", result.entries(), result.lastHash());
        } else {
            log.error("Audit trail broken: {}", result.problem());
        }
        return result;
    }

    private Result endOfChain(Walk walk) {
        Head head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1").query(Head.class).single();
        if (!head.lastHash().equals(walk.lastHash)) {
            return Result.broken(walk.entries, walk.lastId, "the chain ends at entry " + walk.lastId + " but entry "
                    + head.lastId() + " was written last: entries after " + walk.lastId + " were removed");
        }
        return new Result(true, walk.entries, null, null, walk.lastHash);
    }

    private static final class Walk {
        long entries;
        long lastId;
        String lastHash = AuditChain.GENESIS;
        Result broken;
    }

    private record Head(long lastId, String lastHash) {
    }

    /** intact with the number of entries and the last hash, or the first broken entry and why. */
    record Result(boolean intact, long entries, Long brokenAt, String problem, String lastHash) {
        static Result broken(long intactEntries, long id, String problem) {
            return new Result(false, intactEntries, id, problem, null);
        }
    }
}
