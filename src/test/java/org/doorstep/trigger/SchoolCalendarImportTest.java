package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.doorstep.api.CsvUpload;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 item 2: a school's calendar comes by iCalendar file, CSV or JSON; bad events and rows are
 * reported and the good ones applied; and a day the calendar does not cover is never counted as open.
 */
@DoorstepTest
class SchoolCalendarImportTest {

    static final String CALDER = "calder-bridge-primary";
    static final String DENBY = "denby-dale-primary";
    static final Path SAMPLE_ICS = Path.of("docs/samples/school-calendar.ics");
    static final Path SAMPLE_CSV = Path.of("docs/samples/school-calendar.csv");

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    SchoolOnboarding onboarding;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    AttendanceImport attendanceImport;
    @Autowired
    AbsenceEvaluation evaluation;
    @Autowired
    AbsenceCases cases;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anIcsFileGivesTheTermsAndClosuresBadEventsAreNamedByUidAndTheSameFileAgainChangesNothing() throws Exception {
        onboarding.onboard(TriggerTestSupport.testSchool(CALDER, "CBP", 7), "test");
        String ics = Files.readString(SAMPLE_ICS).replace("END:VCALENDAR", """
                BEGIN:VEVENT
                UID:summer-fair-2027@calendar.example
                DTSTAMP:20260701T090000Z
                DTSTART;VALUE=DATE:20270626
                SUMMARY:Summer fair
                END:VEVENT
                BEGIN:VEVENT
                UID:backwards-inset@calendar.example
                DTSTAMP:20260701T090000Z
                DTSTART;VALUE=DATE:20270302
                DTEND;VALUE=DATE:20270301
                SUMMARY:INSET day
                END:VEVENT
                END:VCALENDAR""".replace("\n", "\r\n"));

        JsonNode first = report(admin().post(path(CALDER), "text/calendar", ics));
        JsonNode again = report(admin().post(path(CALDER), "text/calendar", ics));

        assertThat(first.get("read").asInt()).isEqualTo(13);
        assertThat(first.get("added").asInt()).isEqualTo(11);
        assertThat(first.get("rejected").asInt()).isEqualTo(2);
        assertThat(first.get("problems").findValuesAsText("where")).containsExactly(
                "event UID summer-fair-2027@calendar.example", "event UID backwards-inset@calendar.example");
        assertThat(first.get("problems").get(0).get("reason").asText()).contains("is not a term, half-term, INSET day");
        assertThat(first.get("problems").get(1).get("reason").asText()).contains("ends (2027-02-28) before it starts (2027-03-02)");
        assertThat(again.get("added").asInt()).as("re-import").isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(11);
        assertThat(calendar.terms(CALDER)).hasSize(6).first()
                .isEqualTo(new SchoolCalendar.Term("Autumn term (first half)", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 10, 23)));
        SchoolCalendar.SchoolDays days = calendar.of(CALDER);
        assertThat(days.isSchoolDay(LocalDate.of(2026, 10, 23))).as("last day of Autumn 1 (DTEND is the day after)").isTrue();
        assertThat(days.isSchoolDay(LocalDate.of(2026, 10, 28))).as("October half term").isFalse();
        assertThat(days.isSchoolDay(LocalDate.of(2026, 11, 2))).as("INSET day").isFalse();
        assertThat(days.isSchoolDay(LocalDate.of(2027, 5, 3))).as("bank holiday").isFalse();
        assertThat(days.isSchoolDay(LocalDate.of(2027, 5, 4))).isTrue();
        assertThat(calendar.closures(CALDER)).filteredOn(c -> c.closedOn().equals(LocalDate.of(2026, 11, 2)))
                .extracting(SchoolCalendar.Closure::kind).containsExactly(SchoolCalendar.Kind.INSET);
        assertThat(audit.events("school", CALDER)).extracting(AuditTrail.AuditEvent::action)
                .filteredOn("CALENDAR_IMPORTED"::equals).hasSize(2);

        // The same calendar as CSV adds only what the CSV has beyond it; bad rows are named by line.
        String csv = Files.readString(SAMPLE_CSV) + "TERM,Spring 3,2027-03-20,2027-04-02\nHOLIDAY,Snow day,2027-01-20,\n"
                + "INSET,Training,2027-13-01,\n";
        JsonNode fromCsv = report(admin().post(path(CALDER), "text/csv", csv));

        assertThat(fromCsv.get("added").asInt()).as("only the polling-station closure is new").isEqualTo(1);
        assertThat(fromCsv.get("unchanged").asInt()).isEqualTo(11);
        assertThat(fromCsv.get("problems").findValuesAsText("where")).containsExactly("line 15", "line 16", "line 14");
        assertThat(fromCsv.toString()).contains("overlaps the term 'Spring term (second half)'")
                .contains("kind 'HOLIDAY' is not one of").contains("'2027-13-01' is not a date");
        assertThat(calendar.closures(CALDER)).filteredOn(c -> c.closedOn().equals(LocalDate.of(2027, 5, 6)))
                .extracting(SchoolCalendar.Closure::reason).containsExactly("Closed: polling station, county elections");

        // A quote never closed stops reading there, as in the register: the rows before it are still reported.
        HttpResponse<String> openQuote = admin().post(path(CALDER), "text/csv",
                CalendarImport.CSV_HEADER + "\nINSET,Training,2027-13-01,\nINSET,\"Training,2027-01-04,\n");
        assertThat(openQuote.statusCode()).as("a quote never closed is a bad row, as in the register: " + openQuote.body())
                .isEqualTo(200);
        JsonNode cutShort = json.readTree(openQuote.body());
        assertThat(cutShort.get("problems").findValuesAsText("where")).as("the rows before it are still read and reported")
                .containsExactly("line 2", "line 3");
        assertThat(cutShort.get("problems").get(1).get("reason").asText()).isEqualTo(CsvUpload.NEVER_CLOSED);
    }

    @Test
    void aFileThatIsNotACalendarIsRefusedWholeNamingTheLine() throws Exception {
        onboarding.onboard(TriggerTestSupport.testSchool(CALDER, "CBP", 7), "test");

        HttpResponse<String> notIcs = admin().post(path(CALDER), "text/calendar", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nnonsense\r\nEND:VCALENDAR\r\n");
        HttpResponse<String> noHeader = admin().post(path(CALDER), "text/csv", "Autumn,2026-09-02\n");

        assertThat(notIcs.statusCode()).as(notIcs.body()).isEqualTo(400);
        assertThat(json.readTree(notIcs.body()).get("detail").asText())
                .matches("The iCalendar file cannot be read at line \\d+: .+\\. Nothing was imported");
        assertThat(noHeader.statusCode()).as(noHeader.body()).isEqualTo(400);
        assertThat(json.readTree(noHeader.body()).get("detail").asText()).contains("kind,name,from,to");
    }

    /** Issue 11: a school with no calendar for the evaluated day raises nothing and says why. */
    @Test
    void aSchoolWithNoCalendarForTheDayRaisesNothingAndSaysWhy() throws Exception {
        onboarding.onboard(TriggerTestSupport.testSchool(DENBY, "DDP", 8), "test");
        LocalDate monday = LocalDate.of(2026, 11, 16);
        Pupil pupil = TriggerTestSupport.newPupil(directory, DENBY, true);
        TriggerTestSupport.clockAt(monday);
        AttendanceImport.ImportReport register = TriggerTestSupport.importRows(attendanceImport,
                pupil.id() + "," + monday + ",AM,N\n" + pupil.id() + "," + monday + ",PM,N\n");
        assertThat(register.rejectedCount()).as(register.toString()).isZero();

        AbsenceEvaluation.Report report = evaluation.evaluate(DENBY, monday);

        assertThat(report.withoutCalendar()).containsExactly(DENBY);
        assertThat(report.skipped()).containsExactly(DENBY + ": " + AbsenceEvaluation.NO_CALENDAR);
        assertThat(report.casesOpened()).isZero();
        assertThat(cases.openCase(pupil.id())).as("no day-counted duty for a day nobody knows is a school day").isEmpty();
        JsonNode page = json.readTree(admin().get(path(DENBY)).body());
        assertThat(page.get("coversToday").asBoolean()).isFalse();
        assertThat(page.get("note").asText()).isEqualTo("No calendar for 2026-11-16: the daily evaluation raises nothing for"
                + " this school until its terms are imported");

        // With its calendar the same day counts: Day 1 of absence asks for contact attempts.
        assertThat(report(admin().post(path(DENBY), "text/calendar", Files.readString(SAMPLE_ICS))).get("added").asInt())
                .isEqualTo(11);
        assertThat(evaluation.evaluate(DENBY, monday).casesOpened()).isEqualTo(1);
        // A day past its last term is again a day without a calendar.
        assertThat(evaluation.evaluate(DENBY, LocalDate.of(2027, 9, 6)).withoutCalendar()).containsExactly(DENBY);
    }

    @Test
    void onlyAdministratorsAndTheSchoolsOwnOfficeSeeOrChangeItsCalendar() {
        onboarding.onboard(TriggerTestSupport.testSchool(CALDER, "CBP", 7), "test");

        assertThat(WebClient.basic(port, "lyn-office", password).get(path(CALDER)).statusCode())
                .as("another school's office: as if it did not exist").isEqualTo(404);
        assertThat(WebClient.basic(port, "visitor1", password).get(path(CALDER)).statusCode()).isEqualTo(403);
        assertThat(admin().get(path("no-such-school")).statusCode()).isEqualTo(404);
    }

    private static String path(String schoolId) {
        return "/api/schools/" + schoolId + "/calendar";
    }

    private WebClient admin() {
        return WebClient.basic(port, "admin", password);
    }

    private JsonNode report(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
