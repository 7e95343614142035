package org.doorstep.retention;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.trigger.TriggerTestSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A school of the retention tests' own, and synthetic records of its pupils written straight to the tables. */
class RetentionTestSchool {

    static final String SCHOOL = "retention-academy";
    private static final String PROCESS = "retention-test-record";
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final SchoolOnboarding onboarding;
    private final SchoolDirectory directory;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final RepositoryService repository;
    private final RuntimeService runtime;

    RetentionTestSchool(SchoolOnboarding onboarding, SchoolDirectory directory, ProcessEngine engine, JdbcClient jdbc) {
        this.onboarding = onboarding;
        this.directory = directory;
        this.identity = engine.getIdentityService();
        this.repository = engine.getRepositoryService();
        this.runtime = engine.getRuntimeService();
        this.jdbc = jdbc;
    }

    String open() {
        if (directory.school(SCHOOL).isEmpty()) {
            onboarding.onboard(TriggerTestSupport.testSchool(SCHOOL, "RTA", 138), "test");
            for (String user : List.of("head", "leader", "dsl", "office")) {
                identity.createTenantUserMembership(SCHOOL, user);
            }
        }
        return SCHOOL;
    }

    Pupil pupil(String lastName, LocalDate born, LocalDate leftOn) {
        String id = "RTA-" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
        Pupil pupil = new Pupil(id, SCHOOL, "Robin", lastName, born, "Year 5", "1 Retention Road", null, "Testton", "ZZ9 1RT",
                false, false, null, null);
        directory.addPupil(pupil, List.of(new Contact(id, "Parent " + lastName, "Mother", "07700 900138", null, true, 1)));
        jdbc.sql("UPDATE pupil SET left_on = ? WHERE id = ?").params(leftOn == null ? null : Date.valueOf(leftOn), id).update();
        return pupil;
    }

    String visit(Pupil pupil, Instant endedAt) {
        String reference = "HV-RTA-" + pupil.id();
        jdbc.sql("""
                INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at, ended_at)
                VALUES (?, ?, ?, 'SAFE_AND_WELL', 'COMPLETED', 'office', ?, ?)""")
                .params(reference, SCHOOL, pupil.id(), Timestamp.from(endedAt.minusSeconds(86_400)), Timestamp.from(endedAt)).update();
        return reference;
    }

    void note(String visit, String kind, String body) {
        jdbc.sql("INSERT INTO visit_note (visit_reference, kind, body, author, created_at) VALUES (?, ?, ?, 'dsl', CURRENT_TIMESTAMP)")
                .params(visit, kind, body).update();
    }

    String closedCaseWithReferral(Pupil pupil, LocalDate closedOn) {
        String reference = "AC-RTA-" + pupil.id();
        jdbc.sql("INSERT INTO absence_case (reference, pupil_id, school_id, opened_on, closed_on) VALUES (?, ?, ?, ?, ?)")
                .params(reference, pupil.id(), SCHOOL, Date.valueOf(closedOn.minusDays(10)), Date.valueOf(closedOn)).update();
        jdbc.sql("""
                INSERT INTO absence_referral (case_reference, kind, decision, sent_to, summary, decided_by, decided_at)
                VALUES (?, 'SAFEGUARDING_REFERRAL', 'REFERRED', ?, 'Referred after the visit', 'dsl', CURRENT_TIMESTAMP)""")
                .params(reference, "Children's social care").update();
        return reference;
    }

    void mark(Pupil pupil, LocalDate day, String session, String code) {
        jdbc.sql("""
                INSERT INTO attendance_mark (pupil_id, session_date, session, school_id, code, category, seen, import_id)
                VALUES (?, ?, ?, ?, ?, 'U', FALSE, 0)""").params(pupil.id(), Date.valueOf(day), session, SCHOOL, code).update();
    }

    /**
     * A finished process instance of the record (business key = its reference), as a visit's or a
     * case's leaves its history behind.
     */
    void finishedProcess(String reference) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().name("retention test").addModelInstance(PROCESS + ".bpmn",
                    Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent().endEvent().done()).deploy();
        }
        runtime.startProcessInstanceByKey(PROCESS, reference);
    }

    int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
