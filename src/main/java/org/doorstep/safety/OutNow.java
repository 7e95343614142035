package org.doorstep.safety;

import static org.doorstep.security.Roles.OFFICE;
import static org.doorstep.security.Roles.SENIOR_LEADERS;
import static org.doorstep.security.Roles.VISITING_STAFF;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.doorstep.safety.StaffSafetyProcess.OverdueReason;
import org.doorstep.safety.StaffSafetyProcess.Phase;
import org.doorstep.web.HomeSection;
import org.doorstep.web.ShownTime;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Home: who is out on a visit now. The office sees each visit out with anything overdue said in words
 * (the safety board has the rest); senior leaders see how many are out and overdue; visiting staff see
 * the visits they are out on, with the way to check in.
 */
@Component
class OutNow implements HomeSection {

    static final int LIMIT = 20;

    private final JdbcClient jdbc;

    OutNow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record WatchRow(String visitReference, String schoolName, String people, String pupilName, String phase, String alert,
            Instant departedAt, Instant expectedBackAt, Instant nextCheckInDueAt, boolean drill) {
    }

    /** {@code overdue}: what is late, in words, or null; the page marks the row red as well. A drill's row links to its report. */
    record Out(String reference, String link, String school, String people, String pupil, String where, String since, String overdue) {
    }

    record Board(boolean showSchool, List<Out> out) {
    }

    record Counts(long out, long overdue) {
    }

    private static final String SELECT = """
            SELECT w.visit_reference, s.name AS school_name, w.people, p.first_name || ' ' || p.last_name AS pupil_name,
                w.phase, w.alert, w.departed_at, w.expected_back_at, w.next_check_in_due_at, w.drill
            FROM safety_watch w JOIN pupil p ON p.id = w.pupil_id JOIN school s ON s.id = w.school_id
            """;

    /** Mapped by hand, in SELECT's column order: by record class the mapping cost the home page more than the query (docs/benchmarks.md "Pages"). */
    private static final RowMapper<WatchRow> WATCH_ROW = (rs, row) -> new WatchRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), SafetyWatches.instant(rs, "departed_at"),
            SafetyWatches.instant(rs, "expected_back_at"), SafetyWatches.instant(rs, "next_check_in_due_at"), rs.getBoolean(10));

    @Override
    public Optional<Shown> forViewer(Viewer viewer) {
        if (viewer.schools().isEmpty()) {
            return Optional.empty();
        }
        Instant now = EngineClock.now();
        if (viewer.inAny(OFFICE)) {
            List<WatchRow> out = jdbc.sql(SELECT + """
                    WHERE w.ended_at IS NULL AND w.school_id IN (:schools) ORDER BY w.departed_at LIMIT :limit""")
                    .param("schools", viewer.schools()).param("limit", LIMIT).query(WATCH_ROW).list();
            return Optional.of(new Shown(30, "home/out-now", new Board(viewer.severalSchools(),
                    out.stream().map(row -> out(row, now)).toList())));
        }
        if (viewer.inAny(SENIOR_LEADERS)) {
            Counts counts = jdbc.sql("""
                    SELECT COUNT(*) AS out,
                        COALESCE(SUM(CASE WHEN alert IS NOT NULL OR next_check_in_due_at < :now OR expected_back_at < :now
                            THEN 1 ELSE 0 END), 0) AS overdue
                    FROM safety_watch WHERE ended_at IS NULL AND drill = FALSE AND school_id IN (:schools)""")
                    .param("now", Timestamp.from(now)).param("schools", viewer.schools()).query((rs, row) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
            return Optional.of(new Shown(10, "home/out-now-counts", counts));
        }
        if (viewer.inAny(VISITING_STAFF)) {
            List<WatchRow> mine = jdbc.sql(SELECT + """
                    JOIN safety_watch_staff ws ON ws.visit_reference = w.visit_reference AND ws.user_id = :me
                    WHERE w.ended_at IS NULL AND w.school_id IN (:schools) ORDER BY w.departed_at LIMIT :limit""")
                    .param("me", viewer.userId()).param("schools", viewer.schools()).param("limit", LIMIT)
                    .query(WATCH_ROW).list();
            return Optional.of(new Shown(10, "home/my-visits", mine.stream().map(row -> out(row, now)).toList()));
        }
        return Optional.empty();
    }

    private static Out out(WatchRow row, Instant now) {
        String link = (row.drill() ? DrillPages.PATH + "/" : "/visits/") + row.visitReference();
        return new Out(row.visitReference(), link, row.schoolName(), row.people(), row.pupilName(),
                Phase.valueOf(row.phase()).description(), ShownTime.at(row.departedAt()), DrillMark.marked(row.drill(), overdue(row, now)));
    }

    /** The alert the watch raised, else a check-in or return already late that the chain has not reached yet. */
    private static String overdue(WatchRow row, Instant now) {
        if (RaiseEmergency.ALERT.equals(row.alert())) {
            return "Emergency raised";
        }
        if (row.alert() != null) {
            return "Overdue: " + OverdueReason.valueOf(row.alert()).audit();
        }
        if (row.nextCheckInDueAt() != null && row.nextCheckInDueAt().isBefore(now)) {
            return "Overdue: check-in was due " + ShownTime.at(row.nextCheckInDueAt());
        }
        if (row.expectedBackAt() != null && row.expectedBackAt().isBefore(now)) {
            return "Overdue: expected back " + ShownTime.at(row.expectedBackAt());
        }
        return null;
    }
}
