package org.doorstep.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notes written about a visit. Safeguarding notes live here, never in process variables. */
@Service
public class VisitNotes {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    VisitNotes(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public void add(String visitReference, NoteKind kind, String body, String author) {
        jdbc.sql("INSERT INTO visit_note (visit_reference, kind, body, author, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(visitReference, kind.name(), body, author, Timestamp.from(EngineClock.now()))
                .update();
        audit.record(author, "NOTE_ADDED", "visit", visitReference, kind.name());
    }

    /** Mapped by hand: by record class the mapping cost the pupil page more than the query (docs/benchmarks.md "Pages"). */
    public List<Note> notes(String visitReference, boolean includeSafeguarding) {
        return jdbc.sql("""
                SELECT kind, body, author, created_at FROM visit_note
                WHERE visit_reference = ? AND (kind <> 'SAFEGUARDING' OR ?) ORDER BY id""")
                .params(visitReference, includeSafeguarding)
                .query((rs, row) -> new Note(NoteKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The school a visit belongs to, if the visit exists. */
    public Optional<String> schoolOf(String visitReference) {
        return jdbc.sql("SELECT school_id FROM visit WHERE reference = ?").param(visitReference).query(String.class).optional();
    }

    public record Note(NoteKind kind, String body, String author, Instant createdAt) {
    }
}
