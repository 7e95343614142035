package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.WebClient;
import org.doorstep.workflow.EngineClock;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pupil page as each Thames View role sees it: one chronology across the child's absences, newest
 * first, and safeguarding entries for the DSL and headteacher only (need-to-know), each read audited.
 */
@DoorstepTest
class PupilPageTest {

    private static final String SCHOOL = "thames-view-junior";
    private static final String PASSWORD = "doorstep-demo";
    private static final AtomicInteger PUPILS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

    @LocalServerPort
    int port;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    VisitNotes visitNotes;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    private Pupil pupil;
    private String caseReference;
    private String visit;

    /** A Thames View child with one absence case: an action due 2 Nov, a call on 3 Nov, a visit on 4 Nov. */
    @BeforeEach
    void aChildWithAnAbsenceCase() {
        pupil = pupilOf(SCHOOL);
        caseReference = "AC-" + pupil.id() + "-2026-11-02";
        jdbc.sql("INSERT INTO absence_case (reference, pupil_id, school_id, open_pupil_id, opened_on) VALUES (?, ?, ?, ?, ?)")
                .params(caseReference, pupil.id(), SCHOOL, pupil.id(), Date.valueOf(LocalDate.of(2026, 11, 2))).update();
        jdbc.sql("INSERT INTO absence_action (case_reference, action_key, action, due_on, reason) VALUES (?, ?, ?, ?, ?)")
                .params(caseReference, "CONTACT_ATTEMPTS@2026-11-02", "CONTACT_ATTEMPTS", Date.valueOf(LocalDate.of(2026, 11, 2)),
                        "Day 1 of absence, no reason given").update();
        jdbc.sql("""
                INSERT INTO absence_contact_attempt (case_reference, methods, reached, notes, attempted_by, attempted_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(caseReference, "phone, text", false, "Voicemail left for mother", "office", at(3, 10)).update();
        visit = "HV-TVJ-P" + RUN + PUPILS.get();
        jdbc.sql("""
                INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(visit, SCHOOL, pupil.id(), "safe-and-well", "AUTHORISED", "head", at(4, 9)).update();
        visitNotes.add(visit, NoteKind.OUTCOME, "Nobody answered; card left", "visitor1");
        visitNotes.add(visit, NoteKind.SAFEGUARDING, "Bruise seen on younger sibling's arm", "dsl");
        for (String session : List.of("AM", "PM")) {
            jdbc.sql("""
                    INSERT INTO attendance_mark (pupil_id, session_date, session, school_id, code, category, seen, import_id)
                    VALUES (?, ?, ?, ?, 'O', 'U', FALSE, 0)""")
                    .params(pupil.id(), Date.valueOf(LocalDate.of(2026, 11, 2)), session, SCHOOL).update();
        }
        TriggerTestSupport.clockAt(LocalDate.of(2026, 11, 30));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theChronologyListsTheVisitTheContactAttemptAndTheActionNewestFirst() {
        String page = page("office", pupil.id()).body();

        int visitAt = page.indexOf(visit);
        int callAt = page.indexOf("Voicemail left for mother");
        int actionAt = page.indexOf("Day 1 of absence, no reason given");
        assertThat(visitAt).as("the visit").isPositive();
        assertThat(callAt).as("the contact attempt").isGreaterThan(visitAt);
        assertThat(actionAt).as("the absence case's action").isGreaterThan(callAt);
        assertThat(page).contains("href=\"/visits/" + visit + "\"")
                .contains("Tue 3 Nov, 10:00").contains("Wed 4 Nov, 09:00")
                .contains("Contact attempts").contains("Nobody answered; card left");
    }

    @Test
    void safeguardingNotesAreForTheDslAndHeadteacherAndTheirReadIsAudited() {
        for (String reader : List.of("dsl", "head")) {
            assertThat(page(reader, pupil.id()).body()).as(reader).contains("Bruise seen on younger sibling&#39;s arm")
                    .contains("Safeguarding note");
        }
        for (String other : List.of("office", "visitor1")) {
            HttpResponse<String> page = page(other, pupil.id());
            assertThat(page.statusCode()).as(other).isEqualTo(200);
            assertThat(page.body()).as(other).doesNotContain("Bruise").doesNotContain("Safeguarding note<");
        }
        List<String> readers = audit.events("visit", visit).stream()
                .filter(event -> event.action().equals("SAFEGUARDING_NOTES_READ")).map(AuditTrail.AuditEvent::actor).toList();
        assertThat(readers).containsExactly("dsl", "head");
    }

    @Test
    void anotherSchoolsPupilIsNotFound() {
        Pupil elsewhere = pupilOf("lynnfield-primary");
        assertThat(page("office", elsewhere.id()).statusCode()).isEqualTo(404);
        assertThat(page("dsl", elsewhere.id()).statusCode()).isEqualTo(404);
        assertThat(page("dsl", "NO-SUCH-PUPIL").statusCode()).isEqualTo(404);
        assertThat(page("lyn-dsl", pupil.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenCaseShowsWhatIsOwedWithItsDueDate() {
        String page = page("office", pupil.id()).body();

        assertThat(page).contains("Absence case " + caseReference).contains("Next daily absence check")
                .contains("(Mon 30 Nov, 10:30)").contains("Eyes on the child");
        // The register holds one day for this child: Monday 2 November, absent both sessions.
        assertThat(page).contains("w/c Mon 2 Nov: 0 %").contains("w/c Mon 9 Nov: no register");
    }

    private HttpResponse<String> page(String user, String pupilId) {
        return WebClient.signedIn(port, user, PASSWORD).get("/pupils/" + pupilId);
    }

    private Pupil pupilOf(String schoolId) {
        String id = "PP" + RUN + "-" + PUPILS.incrementAndGet();
        Pupil made = new Pupil(id, schoolId, "Robin", "Test " + id, LocalDate.of(2017, 3, 1), "Year 4", "2 Test Lane", null,
                "Testton", "ZZ9 9ZZ", false, false, null, null);
        directory.addPupil(made, List.of(new Contact(id, "Parent of " + id, "Mother", "07700 900123", null, true, 1)));
        return made;
    }

    private static Timestamp at(int novemberDay, int hour) {
        return Timestamp.from(LocalDateTime.of(2026, 11, novemberDay, hour, 0).atZone(EngineClock.SCHOOL_ZONE).toInstant());
    }
}
