package org.doorstep.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doorstep.safety.StaffSafetyProcess.Phase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The watches' read model (V30): who is out, where, and how their check-ins stand. Written by the
 * process's delegates in the engine's transaction, read by the check-in endpoint and the office board.
 */
@Repository
class SafetyWatches {

    private final JdbcClient jdbc;

    SafetyWatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(String reference, String schoolId, String pupilId, List<String> staff, String people, String address,
            String transport, Instant departedAt, Instant expectedBackAt, String checkInInterval, boolean drill) {
        int updated = jdbc.sql("""
                UPDATE safety_watch SET school_id = ?, pupil_id = ?, people = ?, address = ?, transport = ?, departed_at = ?,
                    expected_back_at = ?, check_in_interval = ?, phase = ?, drill = ?, alert = NULL, overdue_step = NULL,
                    last_check_in_at = NULL, last_check_in_type = NULL, next_check_in_due_at = NULL, ended_at = NULL
                WHERE visit_reference = ?""")
                .params(schoolId, pupilId, people, address, transport, ts(departedAt), ts(expectedBackAt), checkInInterval,
                        Phase.DEPARTED.name(), drill, reference)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO safety_watch (visit_reference, school_id, pupil_id, people, address, transport, departed_at,
                        expected_back_at, check_in_interval, phase, drill)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(reference, schoolId, pupilId, people, address, transport, ts(departedAt), ts(expectedBackAt),
                            checkInInterval, Phase.DEPARTED.name(), drill)
                    .update();
        }
        jdbc.sql("DELETE FROM safety_watch_staff WHERE visit_reference = ?").param(reference).update();
        for (String userId : staff) {
            jdbc.sql("INSERT INTO safety_watch_staff (visit_reference, user_id) VALUES (?, ?)").params(reference, userId).update();
        }
    }

    Optional<Watch> find(String reference) {
        return jdbc.sql("SELECT * FROM safety_watch WHERE visit_reference = ?").param(reference).query(this::watch).optional();
    }

    List<Watch> open() {
        return jdbc.sql("SELECT * FROM safety_watch WHERE ended_at IS NULL ORDER BY departed_at").query(this::watch).list();
    }

    /** The open watches the user is on: where the phone page starts. */
    List<Watch> openFor(String userId) {
        return open().stream().filter(watch -> watch.staff().contains(userId)).toList();
    }

    List<String> staff(String reference) {
        return jdbc.sql("SELECT user_id FROM safety_watch_staff WHERE visit_reference = ? ORDER BY user_id")
                .param(reference).query(String.class).list();
    }

    void checkedIn(String reference, Phase phase, String type, Instant at, Instant nextDue) {
        jdbc.sql("""
                UPDATE safety_watch SET phase = ?, last_check_in_type = ?, last_check_in_at = ?, next_check_in_due_at = ?
                WHERE visit_reference = ?""")
                .params(phase.name(), type, ts(at), ts(nextDue), reference).update();
    }

    void nextCheckInDue(String reference, Instant due) {
        jdbc.sql("UPDATE safety_watch SET next_check_in_due_at = ? WHERE visit_reference = ?").params(ts(due), reference).update();
    }

    void expectedBack(String reference, Instant expectedBackAt) {
        jdbc.sql("UPDATE safety_watch SET expected_back_at = ? WHERE visit_reference = ?").params(ts(expectedBackAt), reference).update();
    }

    void alert(String reference, String alert, String overdueStep) {
        jdbc.sql("UPDATE safety_watch SET alert = ?, overdue_step = ? WHERE visit_reference = ?")
                .params(alert, overdueStep, reference).update();
    }

    void close(String reference, Instant at) {
        jdbc.sql("UPDATE safety_watch SET ended_at = ?, next_check_in_due_at = NULL WHERE visit_reference = ?")
                .params(ts(at), reference).update();
    }

    void recordCheckIn(String reference, String type, String madeBy, String onBehalfOf, Instant at) {
        jdbc.sql("INSERT INTO check_in (visit_reference, type, made_by, on_behalf_of, occurred_at) VALUES (?, ?, ?, ?, ?)")
                .params(reference, type, madeBy, onBehalfOf, ts(at)).update();
    }

    List<CheckIn> checkIns(String reference) {
        return jdbc.sql("SELECT type, made_by, on_behalf_of, occurred_at FROM check_in WHERE visit_reference = ? ORDER BY id")
                .param(reference).query(CheckIn.class).list();
    }

    private Watch watch(ResultSet rs, int row) throws SQLException {
        String reference = rs.getString("visit_reference");
        return new Watch(reference, rs.getString("school_id"), rs.getString("pupil_id"), rs.getString("people"), rs.getString("address"),
                rs.getString("transport"), instant(rs, "departed_at"), instant(rs, "expected_back_at"),
                rs.getString("check_in_interval"), rs.getString("phase"), rs.getString("alert"), rs.getString("overdue_step"),
                instant(rs, "last_check_in_at"), rs.getString("last_check_in_type"), instant(rs, "next_check_in_due_at"),
                instant(rs, "ended_at"), rs.getBoolean("drill"), staff(reference));
    }

    /** A nullable timestamp column; OutNow maps its rows with it too. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    record Watch(String visitReference, String schoolId, String pupilId, String people, String address, String transport,
            Instant departedAt, Instant expectedBackAt, String checkInInterval, String phase, String alert,
            String overdueStep, Instant lastCheckInAt, String lastCheckInType, Instant nextCheckInDueAt, Instant endedAt,
            boolean drill, List<String> staff) {

        boolean ended() {
            return endedAt != null;
        }
    }

    public record CheckIn(String type, String madeBy, String onBehalfOf, Instant occurredAt) {
    }
}
