package org.doorstep.trigger;

import static org.doorstep.trigger.WeeklyVisitListProcess.Variables.SCHOOL_ID;
import static org.doorstep.trigger.WeeklyVisitListProcess.Variables.SIGNER_GROUP;
import static org.doorstep.trigger.WeeklyVisitListProcess.Variables.TASK_SUBJECT;
import static org.doorstep.trigger.WeeklyVisitListProcess.Variables.VISIT_LIST_REFERENCE;
import static org.doorstep.trigger.WeeklyVisitListProcess.Variables.VISIT_LIST_TEXT;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.visit.VisitAwaitingList;
import org.doorstep.visit.VisitService;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.TaskSubject;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Visits held for a school's weekly list, the lists themselves, and releasing them once signed. */
@Service
public class VisitLists {

    public static final String HELD = "HELD";
    public static final String ON_LIST = "ON_LIST";
    public static final String REQUESTED = "REQUESTED";
    /** A "must" visit (triggers.mustVisits) started without waiting: the next list shows it for the record. */
    public static final String STARTED_AT_ONCE = "STARTED_AT_ONCE";

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final SchoolDirectory directory;
    private final PolicyProfiles profiles;
    private final VisitService visits;
    private final AuditTrail audit;

    VisitLists(JdbcClient jdbc, RuntimeService runtimeService, SchoolDirectory directory, PolicyProfiles profiles,
            VisitService visits, AuditTrail audit) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.directory = directory;
        this.profiles = profiles;
        this.visits = visits;
        this.audit = audit;
    }

    /** {@code actionId} is null for a visit requested directly (it has its reference from the start). */
    public record Entry(long id, Long actionId, String schoolId, String pupilId, String visitReason, String listReference,
            String status, String visitReference) {
    }

    private static final String ENTRY_COLUMNS =
            "id, action_id, school_id, pupil_id, visit_reason, list_reference, status, visit_reference";

    void hold(long actionId, String schoolId, String pupilId, String visitReason) {
        jdbc.sql("INSERT INTO visit_list_entry (action_id, school_id, pupil_id, visit_reason, status) VALUES (?, ?, ?, ?, ?)")
                .params(actionId, schoolId, pupilId, visitReason, HELD).update();
        audit.record(AbsenceCases.SYSTEM_ACTOR, "VISIT_HELD_FOR_LIST", "pupil", pupilId, visitReason);
    }

    /** A visit requested directly waits on the list like a ladder visit (Thames View 3.3, Lynnfield 4). */
    @EventListener
    void holdDirectRequest(VisitAwaitingList awaiting) {
        jdbc.sql("""
                INSERT INTO visit_list_entry (school_id, pupil_id, visit_reason, status, visit_reference)
                VALUES (?, ?, ?, ?, ?)""")
                .params(awaiting.schoolId(), awaiting.pupilId(), awaiting.reason(), HELD, awaiting.visitReference()).update();
        audit.record(AbsenceCases.SYSTEM_ACTOR, "VISIT_HELD_FOR_LIST", "visit", awaiting.visitReference(), awaiting.reason());
    }

    /** A must visit that did not wait is still put before the signer, marked as already started. */
    void listForTheRecord(String schoolId, String pupilId, String visitReason, String visitReference) {
        jdbc.sql("""
                INSERT INTO visit_list_entry (school_id, pupil_id, visit_reason, status, visit_reference)
                VALUES (?, ?, ?, ?, ?)""")
                .params(schoolId, pupilId, visitReason, STARTED_AT_ONCE, visitReference).update();
        audit.record(AbsenceCases.SYSTEM_ACTOR, "MUST_VISIT_STARTED_WITHOUT_LIST", "visit", visitReference, visitReason);
    }

    public List<Entry> entries(String schoolId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM visit_list_entry WHERE school_id = ? ORDER BY id")
                .param(schoolId).query(Entry.class).list();
    }

    public List<Entry> entriesOnList(String listReference) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM visit_list_entry WHERE list_reference = ? ORDER BY id")
                .param(listReference).query(Entry.class).list();
    }

    /**
     * Puts every held visit of the school on a new list, with the must visits started since the last list,
     * and asks the policy's signer to sign it. Empty when there is nothing to list (no list is made).
     */
    @Transactional
    public Optional<String> compile(String schoolId, LocalDate day) {
        List<Entry> held = jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                 FROM visit_list_entry
                WHERE school_id = ? AND (status = ? OR (status = ? AND list_reference IS NULL)) ORDER BY id""")
                .params(schoolId, HELD, STARTED_AT_ONCE).query(Entry.class).list();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        long sameDay = jdbc.sql("SELECT COUNT(*) FROM visit_list WHERE school_id = ? AND compiled_on = ?")
                .params(schoolId, Date.valueOf(day)).query(Long.class).single();
        String reference = "VL-" + schoolId + "-" + day + (sameDay == 0 ? "" : "-" + (sameDay + 1));
        jdbc.sql("INSERT INTO visit_list (reference, school_id, compiled_on, status) VALUES (?, ?, ?, 'AWAITING_SIGNATURE')")
                .params(reference, schoolId, Date.valueOf(day)).update();
        jdbc.sql("UPDATE visit_list_entry SET list_reference = ?, status = ? WHERE school_id = ? AND status = ?")
                .params(reference, ON_LIST, schoolId, HELD).update();
        jdbc.sql("UPDATE visit_list_entry SET list_reference = ? WHERE school_id = ? AND status = ? AND list_reference IS NULL")
                .params(reference, schoolId, STARTED_AT_ONCE).update();
        Map<String, Object> variables = new HashMap<>();
        VISIT_LIST_REFERENCE.putInto(variables, reference);
        SCHOOL_ID.putInto(variables, schoolId);
        SIGNER_GROUP.putInto(variables, profiles.forSchool(schoolId).authorisation().visitListSignerGroup());
        VISIT_LIST_TEXT.putInto(variables, text(held, day));
        TASK_SUBJECT.putInto(variables, TaskSubject.of(held.size() == 1 ? "1 visit" : held.size() + " visits", reference));
        runtimeService.startProcessInstanceByKey(WeeklyVisitListProcess.KEY, reference, variables);
        audit.record(AbsenceCases.SYSTEM_ACTOR, "VISIT_LIST_COMPILED", "visit_list", reference, held.size() + " visits");
        return Optional.of(reference);
    }

    /** The list as the signer reads it: pupil, address, parent/carer contacts, attendance record. */
    private String text(List<Entry> entries, LocalDate day) {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            Pupil pupil = directory.requirePupil(entry.pupilId());
            String contacts = directory.contacts(pupil.id()).stream()
                    .map(c -> c.name() + " (" + c.relationship() + ") " + (c.phone() == null ? "" : c.phone()))
                    .collect(Collectors.joining("; "));
            text.append("- **").append(pupil.fullName()).append("** (").append(pupil.id()).append("), ")
                    .append(pupil.address()).append("  \n  Contacts: ").append(contacts)
                    .append("  \n  Visit: ").append(entry.visitReason())
                    .append(STARTED_AT_ONCE.equals(entry.status())
                            ? " (" + entry.visitReference() + ", already started: the policy says this visit must happen)" : "")
                    .append("  \n  Attendance (last 20 sessions, newest first): ").append(recentCodes(pupil.id(), day))
                    .append('\n');
        }
        return text.toString();
    }

    private String recentCodes(String pupilId, LocalDate day) {
        return jdbc.sql("""
                SELECT session_date, session, code FROM attendance_mark WHERE pupil_id = ? AND session_date <= ?
                ORDER BY session_date DESC, session DESC""")
                .params(pupilId, Date.valueOf(day))
                .query((rs, n) -> rs.getDate(1).toLocalDate() + " " + rs.getString(2) + " " + rs.getString(3))
                .list().stream().limit(20).collect(Collectors.joining(", "));
    }

    @Transactional
    void release(String listReference, String signedBy) {
        jdbc.sql("UPDATE visit_list SET status = 'SIGNED', signed_by = ?, signed_at = ? WHERE reference = ?")
                .params(signedBy, Timestamp.from(EngineClock.now()), listReference).update();
        audit.record(signedBy, "VISIT_LIST_SIGNED", "visit_list", listReference, null);
        for (Entry entry : entriesOnList(listReference)) {
            if (!ON_LIST.equals(entry.status())) {
                continue;
            }
            if (entry.actionId() == null) {
                visits.startAwaitingVisit(entry.visitReference());
                jdbc.sql("UPDATE visit_list_entry SET status = ? WHERE id = ?").params(REQUESTED, entry.id()).update();
                continue;
            }
            String visitReference = visits.requestVisit(entry.pupilId(), entry.visitReason(), signedBy).getBusinessKey();
            jdbc.sql("UPDATE visit_list_entry SET status = ?, visit_reference = ? WHERE id = ?")
                    .params(REQUESTED, visitReference, entry.id()).update();
            jdbc.sql("UPDATE absence_action SET visit_reference = ? WHERE id = ?").params(visitReference, entry.actionId()).update();
        }
    }

    /** Returned unsigned: the visits stay held for the next list. */
    @Transactional
    void returnUnsigned(String listReference, String by, String comment) {
        jdbc.sql("UPDATE visit_list SET status = 'RETURNED', signed_by = ?, signed_at = ? WHERE reference = ?")
                .params(by, Timestamp.from(EngineClock.now()), listReference).update();
        jdbc.sql("UPDATE visit_list_entry SET status = ?, list_reference = NULL WHERE list_reference = ? AND status = ?")
                .params(HELD, listReference, ON_LIST).update();
        audit.record(by, "VISIT_LIST_RETURNED", "visit_list", listReference, comment);
    }

    /** Every school whose policy asks for a signed list. */
    List<String> schoolsWithVisitLists() {
        return directory.schools().stream().map(s -> s.id())
                .filter(id -> profiles.all().stream().anyMatch(p -> p.id().equals(id) && p.authorisation().visitListRequired()))
                .toList();
    }

}
