package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.doorstep.records.Documents;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.security.Roles;
import org.doorstep.security.WebClient;
import org.doorstep.visit.VisitService;
import org.doorstep.workflow.EngineClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 12 item 3: the office's home page holds the day's work of its own school (the register upload,
 * absence cases needing action, visits out, letters to post, visit requests waiting) and nobody else's.
 */
@DoorstepTest
class OfficeHomeTest {

    /** A school of the tests' own: its lists hold only what these tests made, whatever else shares the database. */
    private static final String SCHOOL = "home-page-academy";
    private static final String OFFICE = "hpa-office";
    private static final String HEAD = "hpa-head";
    private static final String VISITOR = "hpa-visitor";
    private static final String PASSWORD = "a long enough test password 1";
    private static final String DEMO_PASSWORD = "doorstep-demo";

    @Autowired
    SchoolOnboarding onboarding;
    @Autowired
    IdentityService identity;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    VisitService visits;
    @Autowired
    AbsenceCases cases;
    @Autowired
    Documents documents;
    @LocalServerPort
    int port;

    Pupil requested;
    String visitReference;
    Pupil absent;
    long letter;

    @BeforeEach
    void aDayAtTheSchool() {
        if (directory.school(SCHOOL).isEmpty()) {
            onboarding.onboard(TriggerTestSupport.testSchool(SCHOOL, "HPA", 712), "test");
        }
        member(OFFICE, Roles.OFFICE);
        member(HEAD, Roles.HEADTEACHER);
        member(VISITOR, Roles.VISITING_STAFF);
        requested = TriggerTestSupport.newPupil(directory, SCHOOL, false);
        visitReference = visits.requestVisit(requested.id(), "safe-and-well", OFFICE).getBusinessKey();
        absent = TriggerTestSupport.newPupil(directory, SCHOOL, false);
        LocalDate today = EngineClock.today();
        String absence = cases.open(absent, today, "Absent three days without a reason", List.of());
        cases.actionDue(absence, TriggerAction.CONTACT_ATTEMPTS, today, "no reason given", "Absent three days without a reason", false);
        letter = documents.store(visitReference, "REMINDER_LETTER", visitReference + "-reminder.pdf", Documents.PDF,
                "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII), "test");
    }

    @Test
    void theOfficeSeesTheVisitRequestTheAbsenceCaseAndTheLetterToPost() {
        String home = WebClient.signedIn(port, OFFICE, PASSWORD).get("/").body();

        assertThat(home).contains("Visit requests waiting", "/visits/" + visitReference, requested.fullName(), "Authorise the visit",
                "Safe-and-well check (no contact)");
        assertThat(home).contains("Absence cases that need action today", "/pupils/" + absent.id(), absent.fullName(),
                "Log contact attempts", "/camunda/app/tasklist/default/#/?task=");
        assertThat(home).contains("Letters and notices to print and post", "Reminder letter", "/api/documents/" + letter,
                "/documents/" + letter + "/posted");
        assertThat(home).contains("Visits out now", "/safety-board", "Today's register", "enctype=\"multipart/form-data\"");
    }

    @Test
    void aStepLeftFromAnEarlierDayIsOverdueInWordsNotOnlyInRed() {
        Pupil absentSinceYesterday = TriggerTestSupport.newPupil(directory, SCHOOL, false);
        LocalDate yesterday = EngineClock.today().minusDays(1);
        ClockUtil.setCurrentTime(Date.from(EngineClock.now().minus(Duration.ofDays(1))));
        try {
            String absence = cases.open(absentSinceYesterday, yesterday, "Absent without a reason", List.of());
            cases.actionDue(absence, TriggerAction.CONTACT_ATTEMPTS, yesterday, "no reason given", "Absent without a reason", false);
        } finally {
            ClockUtil.reset();
        }

        String home = WebClient.signedIn(port, OFFICE, PASSWORD).get("/").body();

        assertThat(rowOf(home, absentSinceYesterday.fullName())).contains("class=\"red\"", "Overdue: ");
        assertThat(rowOf(home, absent.fullName())).contains("Today").doesNotContain("Overdue");
    }

    @Test
    void aLetterMarkedPostedLeavesTheList() {
        WebClient office = WebClient.signedIn(port, OFFICE, PASSWORD);
        String csrf = csrfOf(office.get("/").body());

        HttpResponse<String> posted = office.post("/documents/" + letter + "/posted", "application/x-www-form-urlencoded",
                "_csrf=" + csrf);

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(office.get("/").body()).doesNotContain("/api/documents/" + letter + "\"");
    }

    @Test
    void theRegisterSentThroughTheHomePageFormComesBackRowByRow() {
        WebClient office = WebClient.signedIn(port, OFFICE, PASSWORD);
        String csrf = csrfOf(office.get("/").body());
        String register = AttendanceImport.HEADER + "\n"
                + requested.id() + "," + EngineClock.today() + ",AM,/\n"
                + "NOBODY-" + requested.id() + "," + EngineClock.today() + ",AM,/\n";
        String boundary = "----doorstep-test-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"register\"; filename=\"register.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + register + "\r\n"
                + "--" + boundary + "--\r\n";

        HttpResponse<String> report = office.post("/register", "multipart/form-data; boundary=" + boundary, body);

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(report.body()).contains("The register is in", "2 marks read from the file", "1 imported: 1 new",
                "1 refused");
        assertThat(report.body()).contains("Rows refused", "<th scope=\"row\">3</th>", "unknown pupil", "NOBODY-" + requested.id(),
                "/api/attendance/imports/", "/problems");
    }

    @Test
    void aFileWithTheWrongHeaderIsRefusedInWords() {
        WebClient office = WebClient.signedIn(port, OFFICE, PASSWORD);
        String csrf = csrfOf(office.get("/").body());
        String boundary = "----doorstep-test-boundary";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"register\"; filename=\"pupils.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,age\r\nAda,9\r\n"
                + "--" + boundary + "--\r\n";

        HttpResponse<String> report = office.post("/register", "multipart/form-data; boundary=" + boundary, body);

        assertThat(report.statusCode()).isEqualTo(400);
        assertThat(report.body()).contains("The register was not imported", "The first line must be the header");
    }

    @Test
    void anotherSchoolsOfficeSeesNoneOfIt() {
        String home = WebClient.signedIn(port, "lyn-office", DEMO_PASSWORD).get("/").body();

        assertThat(home).contains("Visit requests waiting");
        assertThat(home).doesNotContain(visitReference, requested.fullName(), absent.fullName(), "/api/documents/" + letter + "\"");
    }

    @Test
    void anotherSchoolsOfficeCannotMarkTheLetterPosted() {
        WebClient office = WebClient.signedIn(port, "lyn-office", DEMO_PASSWORD);
        String csrf = csrfOf(office.get("/").body());

        HttpResponse<String> posted = office.post("/documents/" + letter + "/posted", "application/x-www-form-urlencoded",
                "_csrf=" + csrf);

        assertThat(posted.statusCode()).isEqualTo(404);
        assertThat(WebClient.signedIn(port, OFFICE, PASSWORD).get("/").body()).contains("/api/documents/" + letter);
    }

    @Test
    void visitingStaffSeeTheirVisitsNotTheOfficesWork() {
        String home = WebClient.signedIn(port, VISITOR, PASSWORD).get("/").body();

        assertThat(home).contains("Your visits now");
        assertThat(home).doesNotContain("Today's register", "Visit requests waiting", "Absence cases that need action",
                "Letters and notices to print and post", visitReference, absent.fullName());
    }

    @Test
    void theHeadteacherSeesTheVisitWaitingForTheirAuthorisation() {
        String home = WebClient.signedIn(port, HEAD, PASSWORD).get("/").body();

        assertThat(home).contains("Visits waiting for your decision", visitReference, requested.fullName());
        assertThat(home).doesNotContain("Today's register", "Letters and notices to print and post");
    }

    private void member(String userId, String role) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            onboarding.addMember(SCHOOL, userId, role, "test");
        }
    }

    /** The table row that names the pupil. */
    private static String rowOf(String page, String pupilName) {
        int name = page.indexOf(pupilName);
        assertThat(name).as(pupilName + " listed").isNotNegative();
        return page.substring(page.lastIndexOf("<tr", name), page.indexOf("</tr>", name));
    }

    private static String csrfOf(String page) {
        return page.replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
    }
}
