package org.doorstep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.doorstep.DoorstepTest;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.security.WebClient;
import org.doorstep.trigger.SchoolCalendar;
import org.doorstep.trigger.TriggerTestSupport;
import org.doorstep.workflow.EngineClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 item 4: leaders see how quickly families were reached and children seen, with every child
 * over the limit of school days without eyes on named (Burgh 6.3 and App. A Day 6: at most 5 school days),
 * and never a case of a school they do not work for.
 */
@DoorstepTest
class TimelinessReportTest {

    static final String SCHOOL = TriggerTestSupport.SCHOOL;
    static final String OTHER_SCHOOL = "burgh-lincolnshire";
    /** Monday 5 October 2026 to Friday 16 October 2026: two whole weeks of Ladder Academy's autumn term. */
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 5);
    static final String PERIOD = "from=2026-10-05&to=2026-10-16";

    @Autowired
    SchoolDirectory directory;
    @Autowired
    SchoolOnboarding onboarding;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;

    @BeforeEach
    void school() {
        TriggerTestSupport.ensureSchool(onboarding, calendar, identity);
    }

    WebClient as(String user) {
        return WebClient.signedIn(port, user, password);
    }

    /** An absence case from {@link #FIRST_DAY}, the family first rung at 10:15, the child seen on {@code seenOn}. */
    String caseOf(Pupil pupil, LocalDate seenOn) {
        String reference = "AC-RPT-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO absence_case (reference, pupil_id, school_id, opened_on, closed_on, close_reason)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(reference, pupil.id(), pupil.schoolId(), Date.valueOf(FIRST_DAY), Date.valueOf(seenOn), "seen in school")
                .update();
        jdbc.sql("""
                INSERT INTO absence_contact_attempt (case_reference, methods, reached, attempted_by, attempted_at)
                VALUES (?, 'PHONE', TRUE, 'office', ?)""")
                .params(reference, Timestamp.from(FIRST_DAY.atTime(10, 15).atZone(EngineClock.SCHOOL_ZONE).toInstant())).update();
        return reference;
    }

    @Test
    void aChildUnseenForSixSchoolDaysIsNamedAndOneSeenOnTheFifthIsNot() {
        Pupil unseen = TriggerTestSupport.newPupil(directory, SCHOOL, false);
        Pupil seenInTime = TriggerTestSupport.newPupil(directory, SCHOOL, false);
        // Absent Mon 5 to Mon 12 October, seen Tuesday 13th: 6 school days without eyes on, one over the limit.
        String breach = caseOf(unseen, LocalDate.of(2026, 10, 13));
        // Seen Monday 12th: 5 school days, the most the rule allows.
        String inTime = caseOf(seenInTime, LocalDate.of(2026, 10, 12));

        HttpResponse<String> page = as("head").get("/reports/timeliness?school=" + SCHOOL + "&" + PERIOD);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Leaders' report: timeliness</h1>", "Over the limit", "5 school days",
                "/pupils/" + unseen.id(), unseen.firstName() + " " + unseen.lastName(), breach)
                .doesNotContain("/pupils/" + seenInTime.id(), inTime)
                .contains("<svg class=\"chart\"").doesNotContain("style=")
                .contains("Penalty notices");
        String row = page.body().substring(page.body().indexOf(breach));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("<td>6</td>", "Seen");
    }

    @Test
    void theCsvHasOneRowPerMeasureOfEachCaseUnderItsNamedColumns() {
        Pupil pupil = TriggerTestSupport.newPupil(directory, SCHOOL, false);
        String reference = caseOf(pupil, LocalDate.of(2026, 10, 13));

        HttpResponse<String> csv = as("head").get("/reports/timeliness.csv?school=" + SCHOOL + "&" + PERIOD);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("school_id,school,measure,reference,pupil_id,pupil,started,value,unit,note");
        String name = pupil.firstName() + " " + pupil.lastName();
        assertThat(lines).contains(
                SCHOOL + "," + schoolName() + ",first_contact," + reference + "," + pupil.id() + "," + name
                        + ",2026-10-05,45,minutes after the register closed,",
                SCHOOL + "," + schoolName() + ",eyes_on," + reference + "," + pupil.id() + "," + name
                        + ",2026-10-05,6,school days without eyes on,seen on 2026-10-13; breach of the 5-school-day limit");
    }

    @Test
    void thePenaltyNoticePipelineIsCountedByStepAndStatusInWords() {
        Pupil pupil = TriggerTestSupport.newPupil(directory, SCHOOL, false);
        String parent = "Parent " + UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO penalty_record (school_id, pupil_id, parent_name, step, status, raised_on, reason, code_of_conduct)
                VALUES (?, ?, ?, 'NOTICE_TO_IMPROVE', 'PENDING', ?, 'test', 'test code')""")
                .params(SCHOOL, pupil.id(), parent, Date.valueOf(LocalDate.of(2026, 10, 7))).update();

        String page = as("head").get("/reports/timeliness?school=" + SCHOOL + "&" + PERIOD).body();
        String penalties = page.substring(page.indexOf("<h3>Penalty notices</h3>"), page.indexOf("<h3>Staff safety"));
        assertThat(penalties).contains("Notice to improve", "Pending").doesNotContain("NOTICE_TO_IMPROVE");
        assertThat(as("head").get("/reports/timeliness.csv?school=" + SCHOOL + "&" + PERIOD).body())
                .contains(",penalty_notices,NOTICE_TO_IMPROVE,,,,");
    }

    @Test
    void anotherSchoolsCasesAreNeverInAUsersReport() {
        Pupil elsewhere = TriggerTestSupport.newPupil(directory, OTHER_SCHOOL, false);
        String otherCase = caseOf(elsewhere, LocalDate.of(2026, 10, 16));

        for (String user : new String[] {"head", "leader"}) {
            HttpResponse<String> page = as(user).get("/reports/timeliness?" + PERIOD);
            assertThat(page.statusCode()).as(user).isEqualTo(200);
            assertThat(page.body()).as(user).doesNotContain(elsewhere.id(), otherCase);
            assertThat(as(user).get("/reports/timeliness.csv?" + PERIOD).body()).as(user).doesNotContain(elsewhere.id(), otherCase);
            assertThat(as(user).get("/reports/timeliness?school=" + OTHER_SCHOOL + "&" + PERIOD).statusCode())
                    .as("another school's report is not found, not forbidden").isEqualTo(404);
            assertThat(as(user).get("/reports/timeliness.csv?school=" + OTHER_SCHOOL + "&" + PERIOD).statusCode()).isEqualTo(404);
        }
        assertThat(as("la-officer").get("/reports/timeliness.csv?" + PERIOD).body())
                .as("the local authority's officer covers Burgh").contains(otherCase);
    }

    @Test
    void theOfficeAndVisitingStaffAreRefusedTheReport() {
        assertThat(as("office").get("/reports/timeliness").statusCode()).isEqualTo(403);
        assertThat(as("visitor1").get("/reports/timeliness.csv").statusCode()).isEqualTo(403);
    }

    String schoolName() {
        return directory.school(SCHOOL).orElseThrow().name();
    }
}
