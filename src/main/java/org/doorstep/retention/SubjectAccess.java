package org.doorstep.retention;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.doorstep.web.ShownTime;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything Doorstep holds about one pupil, for a subject access request: the pupil, contacts,
 * register entries, absence cases, visits with every note (safeguarding ones included: the data
 * protection officer redacts before disclosure) and the list of documents. Nothing of another pupil:
 * every query is keyed by this pupil's id or by a record of theirs.
 */
@Service
class SubjectAccess {

    static final String EXPORTED = "SUBJECT_ACCESS_EXPORTED";
    static final String FOR_THE_DPO = "For the data protection officer: this export holds safeguarding notes and "
            + "what third parties said; redact before anything is disclosed.";

    private final JdbcClient jdbc;

    SubjectAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pupil's school, to check who may ask; empty for an unknown pupil. */
    java.util.Optional<String> schoolOf(String pupilId) {
        return jdbc.sql("SELECT school_id FROM pupil WHERE id = ?").param(pupilId).query(String.class).optional();
    }

    Map<String, Object> export(String pupilId, String exportedBy) {
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("exportedAt", EngineClock.now().toString());
        export.put("exportedBy", exportedBy);
        export.put("notice", FOR_THE_DPO);
        export.put("pupil", rows("SELECT * FROM pupil WHERE id = ?", pupilId).get(0));
        export.put("contacts", rows("SELECT name, relationship, phone, email, parental_responsibility, priority FROM contact "
                + "WHERE pupil_id = ? ORDER BY priority, id", pupilId));
        export.put("flags", rows("SELECT flag FROM pupil_flag WHERE pupil_id = ? ORDER BY flag", pupilId));
        export.put("attendance", rows("SELECT session_date, session, code FROM attendance_mark WHERE pupil_id = ? "
                + "ORDER BY session_date, session", pupilId));
        export.put("attendanceNotes", rows("SELECT visit_reference, body, author, created_at FROM attendance_note "
                + "WHERE pupil_id = ? ORDER BY created_at", pupilId));
        List<Map<String, Object>> cases = rows("SELECT reference, opened_on, closed_on, close_reason, contact_made, reason_given, "
                + "whereabouts_unknown, safeguarding_indicators, last_seen_on FROM absence_case WHERE pupil_id = ? ORDER BY opened_on", pupilId);
        for (Map<String, Object> absenceCase : cases) {
            Object reference = absenceCase.get("reference");
            absenceCase.put("actions", rows("SELECT action, due_on, reason, visit_reference FROM absence_action "
                    + "WHERE case_reference = ? ORDER BY due_on, id", reference));
            absenceCase.put("contactAttempts", rows("SELECT methods, reached, notes, attempted_by, attempted_at "
                    + "FROM absence_contact_attempt WHERE case_reference = ? ORDER BY attempted_at", reference));
            absenceCase.put("referrals", rows("SELECT kind, decision, sent_to, summary, decided_by, decided_at "
                    + "FROM absence_referral WHERE case_reference = ? ORDER BY decided_at", reference));
        }
        export.put("absenceCases", cases);
        List<Map<String, Object>> visits = rows("SELECT reference, reason, status, requested_by, requested_at, ended_at "
                + "FROM visit WHERE pupil_id = ? ORDER BY requested_at", pupilId);
        for (Map<String, Object> visit : visits) {
            Object reference = visit.get("reference");
            visit.put("notes", rows("SELECT kind, body, author, created_at FROM visit_note WHERE visit_reference = ? "
                    + "ORDER BY created_at, id", reference));
            visit.put("riskAssessments", rows("SELECT address, risk_level, controls, assessed_at FROM risk_assessment "
                    + "WHERE visit_reference = ? ORDER BY assessed_at", reference));
            visit.put("documents", rows("SELECT id, kind, file_name, created_by, created_at, posted_at FROM document "
                    + "WHERE visit_reference = ? ORDER BY created_at, id", reference));
        }
        export.put("visits", visits);
        export.put("registerDuties", rows("SELECT kind, about_date, due_on, evidence, opened_at, closed_at, outcome "
                + "FROM register_duty WHERE pupil_id = ? ORDER BY about_date, id", pupilId));
        export.put("registerEnquiries", rows("SELECT made_by, made_on, summary, recorded_by, recorded_at "
                + "FROM register_enquiry WHERE pupil_id = ? ORDER BY made_on, id", pupilId));
        export.put("penalties", rows("SELECT parent_name, step, status, raised_on, reason, code_of_conduct, decided_on, "
                + "decided_by, decision_note, improvement_ends_on FROM penalty_record WHERE pupil_id = ? ORDER BY raised_on, id", pupilId));
        return export;
    }

    /** Rows with camel-case keys (whatever case the database reports) and dates as ISO text. */
    private List<Map<String, Object>> rows(String sql, Object... params) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql(sql).params(params).query().listOfRows()) {
            Map<String, Object> clean = new LinkedHashMap<>();
            row.forEach((column, value) -> clean.put(camelCase(column), plain(value)));
            rows.add(clean);
        }
        return rows;
    }

    private static Object plain(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value;
    }

    private static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** The export as lines for the PDF: each section, then each record's fields, in the order above. */
    static List<String> lines(Map<String, Object> export, String pupilName) {
        List<String> lines = new ArrayList<>();
        lines.add("Subject access export: " + pupilName);
        lines.add("Exported " + ShownTime.at(java.time.Instant.parse((String) export.get("exportedAt"))) + " by " + export.get("exportedBy"));
        lines.add(FOR_THE_DPO);
        export.forEach((section, value) -> {
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                lines.add("");
                lines.add("== " + section);
                describe(value, "", lines);
            }
        });
        return lines;
    }

    private static void describe(Object value, String indent, List<String> lines) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                lines.add(indent + "(none)");
            }
            for (Object item : list) {
                describe(item, indent, lines);
                lines.add("");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, field) -> {
                if (field instanceof List<?>) {
                    lines.add(indent + key + ":");
                    describe(field, indent + "    ", lines);
                } else {
                    lines.add(indent + key + ": " + (field == null ? "" : field));
                }
            });
        }
    }
}
