package org.doorstep.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Notes on a pupil's attendance record, e.g. a reminder letter sent after a broken agreement (Thames View 4.2-4.3). */
@Service
public class AttendanceNotes {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    AttendanceNotes(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public void add(String pupilId, String visitReference, String body, String author) {
        jdbc.sql("INSERT INTO attendance_note (pupil_id, visit_reference, body, author, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(pupilId, visitReference, body, author, Timestamp.from(EngineClock.now()))
                .update();
        audit.record(author, "ATTENDANCE_NOTE_ADDED", "pupil", pupilId, visitReference);
    }

    /** Mapped by hand: by record class the mapping cost the pupil page more than the query (docs/benchmarks.md "Pages"). */
    public List<AttendanceNote> notes(String pupilId) {
        return jdbc.sql("SELECT visit_reference, body, author, created_at FROM attendance_note WHERE pupil_id = ? ORDER BY id")
                .param(pupilId)
                .query((rs, row) -> new AttendanceNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
    }

    public record AttendanceNote(String visitReference, String body, String author, Instant createdAt) {
    }
}
