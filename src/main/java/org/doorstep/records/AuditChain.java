package org.doorstep.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The tamper evidence of the audit trail: every audit_event row carries the SHA-256 of its own
 * fields and of the previous row's hash, so changing, removing or reordering a row breaks every
 * link after it. audit_chain_head holds the last link; appending locks it, so concurrent writers
 * (and nodes) form one chain. Shared by the trail, its migration and its verification.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    /** The stored value (to the microsecond, as both H2 and PostgreSQL keep it), independent of the JVM's time zone. */
    private static final DateTimeFormatter OCCURRED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    static String hash(Timestamp occurredAt, String actor, String action, String subjectType, String subjectId,
            String detail, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {OCCURRED_AT.format(occurredAt.toLocalDateTime()), actor, action, subjectType,
                subjectId, detail, previousHash}) {
            // Length-prefixed, so no choice of values can make two different rows read the same.
            canonical.append(field == null ? "-" : field.length() + ":" + field).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private AuditChain() {
    }
}
