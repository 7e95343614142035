package org.doorstep.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.doorstep.school.PupilsAdmitted;
import org.doorstep.school.School;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.Roles;
import org.doorstep.trigger.AttendanceImported;
import org.doorstep.trigger.SchoolCalendar;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.TaskSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Register duties with deadlines (docs/register-duties.md): finds them in the register each school day,
 * opens one register-duty process per duty (once: the duty's unique key), and closes the N and deletion
 * tasks when the register overtakes them. The rules themselves are {@link RegisterRules}.
 */
@Service
public class RegisterDuties {

    private static final Logger log = LoggerFactory.getLogger(RegisterDuties.class);
    static final String ACTOR = "register-duties";
    /** How far back an N is looked for: older ones were raised on their own deadline day. */
    private static final int N_LOOKBACK_DAYS = 90;

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final SchoolCalendar calendar;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final TransactionTemplate perSchool;

    RegisterDuties(JdbcClient jdbc, SchoolDirectory directory, SchoolCalendar calendar, RuntimeService runtimeService,
            AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.perSchool = new TransactionTemplate(transactions);
    }

    /** One duty and how it stands. */
    public record Duty(long id, String schoolId, String pupilId, DutyKind kind, LocalDate aboutDate, LocalDate dueOn,
            String evidence, String processInstanceId, Instant closedAt, String outcome) {

        public String reference() {
            return reference(id);
        }

        static String reference(long id) {
            return "RD-" + id;
        }
    }

    /** Who made a reasonable enquiry into where a pupil is. */
    public enum EnquiryBy {
        SCHOOL("The school"),
        LOCAL_AUTHORITY("The local authority");

        private final String label;

        EnquiryBy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final String DUTY_COLUMNS =
            "id, school_id, pupil_id, kind, about_date, due_on, evidence, process_instance_id, closed_at, outcome ";

    public List<Duty> duties(String pupilId) {
        return jdbc.sql("SELECT " + DUTY_COLUMNS + "FROM register_duty WHERE pupil_id = ? ORDER BY id").param(pupilId)
                .query(Duty.class).list();
    }

    Optional<Duty> duty(long id) {
        return jdbc.sql("SELECT " + DUTY_COLUMNS + "FROM register_duty WHERE id = ?").param(id).query(Duty.class).optional();
    }

    /** Records a reasonable enquiry by the school or the local authority; the deletion grounds need both. */
    @Transactional
    public void recordEnquiry(String pupilId, EnquiryBy by, LocalDate madeOn, String summary, String actor) {
        Pupil pupil = directory.requirePupil(pupilId);
        jdbc.sql("""
                INSERT INTO register_enquiry (school_id, pupil_id, made_by, made_on, summary, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(pupil.schoolId(), pupilId, by.name(), Date.valueOf(madeOn), summary, actor, Timestamp.from(EngineClock.now()))
                .update();
        audit.record(actor, "REGISTER_ENQUIRY_RECORDED", "pupil", pupilId, by.label() + " on " + madeOn);
    }

    /** What a day's check did. */
    public record Report(LocalDate day, int opened, int closed) {
    }

    /** The day's check for every school whose calendar says it is a school day. */
    public Report evaluate(LocalDate day) {
        int opened = 0;
        int closed = 0;
        for (School school : directory.schools()) {
            // One transaction a school: a duty's row and its process commit together, one school's fault stops no other.
            try {
                Report report = perSchool.execute(status -> evaluate(school.id(), day));
                opened += report.opened();
                closed += report.closed();
            } catch (RuntimeException e) {
                log.warn("Register duties for {} on {} failed: {}", school.id(), day, e.toString());
            }
        }
        return new Report(day, opened, closed);
    }

    @Transactional
    public Report evaluate(String schoolId, LocalDate day) {
        SchoolCalendar.SchoolDays days = calendar.of(schoolId);
        if (!days.isSchoolDay(day)) {
            return new Report(day, 0, 0);
        }
        int closed = closeOvertaken(schoolId, day);
        int opened = openReasonDuties(schoolId, days, day) + openDeletionDuties(schoolId, days, day);
        return new Report(day, opened, closed);
    }

    /** A corrected register closes the tasks of the Ns it replaced at once, not at the next day's check. */
    @EventListener
    void on(AttendanceImported imported) {
        if (imported.corrected() > 0) {
            closeReplacedNs(null);
        }
    }

    /** New pupils: the return to the local authority is due by the end of the fifth day after their entry. */
    @EventListener
    void on(PupilsAdmitted admitted) {
        LocalDate due = RegisterRules.newPupilReturnDue(admitted.enteredOn());
        for (String pupilId : admitted.pupilIds()) {
            Pupil pupil = directory.requirePupil(pupilId);
            String evidence = "Entered in the admission register on %s; the new pupil return is due by the end of %s (%s).\n\n%s"
                    .formatted(RegisterRules.day(admitted.enteredOn()), RegisterRules.day(due), DutyKind.NEW_PUPIL_RETURN.source(),
                            newPupilReturn(pupil, admitted.enteredOn()));
            open(pupil, DutyKind.NEW_PUPIL_RETURN, admitted.enteredOn(), due, null, evidence);
        }
    }

    /** The return's content: what the admission register holds about the pupil (reg. 13(1)). */
    String newPupilReturn(Pupil pupil, LocalDate enteredOn) {
        StringBuilder text = new StringBuilder();
        text.append("New pupil return\n")
                .append("Name: ").append(pupil.fullName()).append('\n')
                .append("UPN: ").append(pupil.id()).append('\n')
                .append("Date of birth: ").append(pupil.dateOfBirth() == null ? "not recorded" : RegisterRules.day(pupil.dateOfBirth())).append('\n')
                .append("Year group: ").append(pupil.yearGroup() == null ? "not recorded" : pupil.yearGroup()).append('\n')
                .append("Address: ").append(pupil.address()).append('\n')
                .append("Entered in the admission register: ").append(RegisterRules.day(enteredOn)).append('\n');
        for (Contact contact : directory.contacts(pupil.id())) {
            text.append("Contact: ").append(contact.name())
                    .append(contact.relationship() == null ? "" : " (" + contact.relationship() + ")")
                    .append(contact.parentalResponsibility() ? ", parental responsibility" : "")
                    .append(contact.phone() == null ? "" : ", " + contact.phone()).append('\n');
        }
        return text.toString();
    }

    private int openReasonDuties(String schoolId, SchoolCalendar.SchoolDays days, LocalDate day) {
        Map<String, Map<LocalDate, List<String>>> ns = new HashMap<>();
        jdbc.sql("""
                SELECT m.pupil_id, m.session_date, m.session FROM attendance_mark m JOIN pupil p ON p.id = m.pupil_id
                WHERE m.school_id = ? AND m.code = 'N' AND m.session_date BETWEEN ? AND ? AND p.left_on IS NULL
                ORDER BY m.session""")
                .params(schoolId, Date.valueOf(day.minusDays(N_LOOKBACK_DAYS)), Date.valueOf(day))
                .query(rs -> {
                    ns.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                            .computeIfAbsent(rs.getDate(2).toLocalDate(), d -> new ArrayList<>()).add(rs.getString(3));
                });
        int opened = 0;
        for (Map.Entry<String, Map<LocalDate, List<String>>> pupil : ns.entrySet()) {
            for (Map.Entry<LocalDate, List<String>> n : pupil.getValue().entrySet()) {
                LocalDate nDay = n.getKey();
                if (!RegisterRules.reasonTaskDue(days::isSchoolDay, nDay, day)) {
                    continue;
                }
                LocalDate deadline = RegisterRules.reasonDeadline(days::isSchoolDay, nDay);
                String evidence = "Code N (reason not yet provided) in the %s session%s of %s. It must be replaced by the end of %s, the fifth school day after it, with weekends, holidays and closures not counted (%s)."
                        .formatted(String.join(" and ", n.getValue()), n.getValue().size() > 1 ? "s" : "", RegisterRules.day(nDay),
                                RegisterRules.day(deadline), DutyKind.N_REASON.source());
                if (open(directory.requirePupil(pupil.getKey()), DutyKind.N_REASON, nDay, deadline, null, evidence)) {
                    opened++;
                }
            }
        }
        return opened;
    }

    private int openDeletionDuties(String schoolId, SchoolCalendar.SchoolDays days, LocalDate day) {
        List<String> absentToday = jdbc.sql("""
                SELECT DISTINCT m.pupil_id FROM attendance_mark m JOIN pupil p ON p.id = m.pupil_id
                WHERE m.school_id = ? AND m.session_date = ? AND m.category IN ('U', 'A') AND NOT m.seen AND p.left_on IS NULL""")
                .params(schoolId, Date.valueOf(day)).query(String.class).list();
        int opened = 0;
        for (String pupilId : absentToday) {
            Map<LocalDate, List<String>> marks = new HashMap<>();
            jdbc.sql("SELECT session_date, code FROM attendance_mark WHERE pupil_id = ? AND session_date BETWEEN ? AND ?")
                    .params(pupilId, Date.valueOf(day.minusYears(1)), Date.valueOf(day))
                    .query(rs -> {
                        marks.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new ArrayList<>()).add(rs.getString(2));
                    });
            for (DeletionGround ground : DeletionGround.values()) {
                RegisterRules.Finding finding = ground == DeletionGround.CONTINUOUS_ABSENCE
                        ? RegisterRules.continuousAbsence(days::isSchoolDay, marks, day, enquiriesSince(pupilId, runStart(days, marks, day)))
                        : RegisterRules.noReturnFromLeave(days::isSchoolDay, marks, day, enquiriesSince(pupilId, leaveEnd(days, marks, day)));
                if (finding.met() && open(directory.requirePupil(pupilId), ground.duty(), finding.from(), day, ground,
                        finding.evidence() + " Rule: " + ground.duty().source() + ".")) {
                    opened++;
                }
            }
        }
        return opened;
    }

    /** Enquiries count only from the start of the absence they are about. */
    private RegisterRules.Enquiries enquiriesSince(String pupilId, LocalDate since) {
        if (since == null) {
            return RegisterRules.Enquiries.NONE;
        }
        Map<String, List<String>> byParty = jdbc.sql("""
                SELECT made_by, made_on, summary FROM register_enquiry WHERE pupil_id = ? AND made_on >= ? ORDER BY made_on, id""")
                .params(pupilId, Date.valueOf(since))
                .query((rs, row) -> Map.entry(rs.getString(1), RegisterRules.day(rs.getDate(2).toLocalDate()) + ": " + rs.getString(3)))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return new RegisterRules.Enquiries(byParty.getOrDefault(EnquiryBy.SCHOOL.name(), List.of()),
                byParty.getOrDefault(EnquiryBy.LOCAL_AUTHORITY.name(), List.of()));
    }

    private static LocalDate runStart(SchoolCalendar.SchoolDays days, Map<LocalDate, List<String>> marks, LocalDate day) {
        return RegisterRules.continuousAbsence(days::isSchoolDay, marks, day, RegisterRules.Enquiries.NONE).from();
    }

    private static LocalDate leaveEnd(SchoolCalendar.SchoolDays days, Map<LocalDate, List<String>> marks, LocalDate day) {
        return RegisterRules.noReturnFromLeave(days::isSchoolDay, marks, day, RegisterRules.Enquiries.NONE).from();
    }

    /** Opens the duty and its process unless it exists; returns whether it was opened. {@code ground}: a deletion's. */
    private boolean open(Pupil pupil, DutyKind kind, LocalDate aboutDate, LocalDate dueOn, DeletionGround ground, String evidence) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM register_duty WHERE pupil_id = ? AND kind = ? AND about_date = ?")
                .params(pupil.id(), kind.name(), Date.valueOf(aboutDate)).query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        String text = evidence.length() > 4000 ? evidence.substring(0, 4000) : evidence;
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO register_duty (school_id, pupil_id, kind, about_date, due_on, evidence, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(pupil.schoolId(), pupil.id(), kind.name(), Date.valueOf(aboutDate), Date.valueOf(dueOn), text,
                        Timestamp.from(EngineClock.now()))
                .update(key, "id");
        long id = key.getKey().longValue();
        String reference = Duty.reference(id);
        Map<String, Object> variables = new HashMap<>();
        RegisterDutyProcess.Variables.DUTY_ID.putInto(variables, id);
        RegisterDutyProcess.Variables.DUTY_KIND.putInto(variables, kind.name());
        RegisterDutyProcess.Variables.SCHOOL_ID.putInto(variables, pupil.schoolId());
        RegisterDutyProcess.Variables.PUPIL_ID.putInto(variables, pupil.id());
        RegisterDutyProcess.Variables.TASK_SUBJECT.putInto(variables, TaskSubject.of(pupil.fullName(), reference));
        RegisterDutyProcess.Variables.ABOUT_DAY.putInto(variables, RegisterRules.day(aboutDate));
        RegisterDutyProcess.Variables.DUE_DAY.putInto(variables, RegisterRules.day(dueOn));
        if (ground != null) {
            RegisterDutyProcess.Variables.GROUND.putInto(variables, ground.label());
        }
        RegisterDutyProcess.Variables.DUTY_DUE.putInto(variables, java.util.Date.from(
                dueOn.atTime(LocalTime.of(17, 0)).atZone(EngineClock.SCHOOL_ZONE).toInstant()));
        RegisterDutyProcess.Variables.EVIDENCE.putInto(variables, text);
        RegisterDutyProcess.Variables.OFFICE_GROUP.putInto(variables, Roles.OFFICE);
        RegisterDutyProcess.Variables.HEADTEACHER_GROUP.putInto(variables, Roles.HEADTEACHER);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(RegisterDutyProcess.KEY, reference, variables);
        jdbc.sql("UPDATE register_duty SET process_instance_id = ? WHERE id = ?").params(instance.getId(), id).update();
        audit.record(ACTOR, "REGISTER_DUTY_OPENED", "pupil", pupil.id(), reference + " " + kind.label() + " (" + RegisterRules.day(aboutDate) + ")");
        return true;
    }

    private int closeOvertaken(String schoolId, LocalDate day) {
        int closed = closeReplacedNs(schoolId);
        // A deletion put to the headteacher is overtaken when the pupil attends (or is seen) again.
        List<Duty> deletions = jdbc.sql("SELECT " + DUTY_COLUMNS + """
                 FROM register_duty d WHERE school_id = ? AND kind IN (?, ?) AND closed_at IS NULL AND EXISTS (
                    SELECT 1 FROM attendance_mark m WHERE m.pupil_id = d.pupil_id AND m.session_date > d.about_date
                    AND m.session_date <= ? AND (m.seen OR m.category IN ('P', 'E')))""")
                .params(schoolId, DutyKind.DELETION_CONTINUOUS_ABSENCE.name(), DutyKind.DELETION_NO_RETURN_FROM_LEAVE.name(),
                        Date.valueOf(day))
                .query(Duty.class).list();
        for (Duty duty : deletions) {
            overtaken(duty, "the pupil attended again by " + RegisterRules.day(day));
            closed++;
        }
        return closed;
    }

    /** Open N duties whose N is no longer in the register (of one school, or all when null). */
    private int closeReplacedNs(String schoolId) {
        List<Duty> replaced = jdbc.sql("SELECT " + DUTY_COLUMNS + """
                 FROM register_duty d WHERE kind = :kind AND closed_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM attendance_mark m WHERE m.pupil_id = d.pupil_id AND m.session_date = d.about_date
                    AND m.code = 'N')""" + (schoolId == null ? "" : " AND school_id = :school"))
                .param("kind", DutyKind.N_REASON.name()).param("school", schoolId).query(Duty.class).list();
        for (Duty duty : replaced) {
            List<String> codes = jdbc.sql("SELECT code FROM attendance_mark WHERE pupil_id = ? AND session_date = ? ORDER BY session")
                    .params(duty.pupilId(), Date.valueOf(duty.aboutDate())).query(String.class).list();
            overtaken(duty, "the N was replaced by " + (codes.isEmpty() ? "no mark" : String.join(" and ", codes)) + " in the register");
        }
        return replaced.size();
    }

    private void overtaken(Duty duty, String how) {
        runtimeService.createMessageCorrelation(RegisterDutyProcess.Messages.DUTY_MET)
                .processInstanceId(duty.processInstanceId())
                .setVariable(RegisterDutyProcess.Variables.OVERTAKEN_BY.name(), how)
                .correlateWithResult();
    }

    /** The process's last step: records how the duty ended. */
    void close(long id, String outcome, String actor) {
        String text = outcome.length() > 400 ? outcome.substring(0, 400) : outcome;
        jdbc.sql("UPDATE register_duty SET closed_at = ?, outcome = ? WHERE id = ? AND closed_at IS NULL")
                .params(Timestamp.from(EngineClock.now()), text, id).update();
        audit.record(actor, "REGISTER_DUTY_CLOSED", "register_duty", Duty.reference(id), text);
    }
}
