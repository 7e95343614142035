package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.doorstep.trigger.TriggerTestSupport.clockAt;
import static org.doorstep.trigger.TriggerTestSupport.importRows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.doorstep.DoorstepTest;
import org.doorstep.database.TableStatistics;
import org.doorstep.school.Pupil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DoorstepTest
class AttendanceImportTest extends AbsenceScenarioSupport {

    static final LocalDate SAMPLE_DAY = LocalDate.of(2026, 11, 20);

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void today() {
        clockAt(LocalDate.of(2026, 11, 24));
    }

    @Test
    void theSampleFileImportsAndReImportingItChangesNothing() throws Exception {
        AttendanceImport.ImportReport first = importSample();
        AttendanceImport.ImportReport again = importSample();

        assertThat(first.rejected()).isEmpty();
        assertThat(first.rowsRead()).isEqualTo(12);
        assertThat(first.added() + first.unchanged()).isEqualTo(12);
        assertThat(again.added()).isZero();
        assertThat(again.corrected()).isZero();
        assertThat(again.unchanged()).isEqualTo(12);
        assertThat(code("TVJ-0002", SAMPLE_DAY, "AM")).isEqualTo("N");
        assertThat(jdbc.sql("SELECT category FROM attendance_mark WHERE pupil_id = 'TVJ-0006' AND session_date = ? AND session = 'PM'")
                .param(java.sql.Date.valueOf(SAMPLE_DAY)).query(String.class).single()).isEqualTo("U");
    }

    @Test
    void aLargeImportRefreshesTheStatisticsAfterItCommitsAndKeepsEveryMark() {
        // Ten new pupils' marks over 500 days long ago: above the threshold, and no other test's pupils or days.
        StringBuilder rows = new StringBuilder();
        LocalDate first = LocalDate.of(2019, 1, 1);
        for (int p = 0; p < 10; p++) {
            String pupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false).id();
            for (int d = 0; d < 500; d++) {
                rows.append(pupil).append(',').append(first.plusDays(d)).append(",AM,/\n");
                rows.append(pupil).append(',').append(first.plusDays(d)).append(",PM,\\\n");
            }
        }

        AttendanceImport.ImportReport report = importRows(attendanceImport, rows.toString());

        // ANALYZE runs after the commit; had it failed on this database, the import call would have thrown.
        assertThat(report.added()).isEqualTo(10_000).isGreaterThanOrEqualTo(TableStatistics.AFTER_ROWS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE import_id = ?").param(report.importId())
                .query(Integer.class).single()).isEqualTo(10_000);
    }

    @Test
    void aCorrectionReplacesTheMarkAndKeepsTheOldOneInTheHistory() {
        Pupil pupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false);
        LocalDate day = LocalDate.of(2026, 11, 23);
        importRows(attendanceImport, pupil.id() + "," + day + ",AM,N\n" + pupil.id() + "," + day + ",PM,N\n");

        AttendanceImport.ImportReport correction = importRows(attendanceImport,
                pupil.id() + "," + day + ",AM,I\n" + pupil.id() + "," + day + ",PM,N\n");

        assertThat(correction.corrected()).isEqualTo(1);
        assertThat(correction.unchanged()).isEqualTo(1);
        assertThat(code(pupil.id(), day, "AM")).isEqualTo("I");
        assertThat(jdbc.sql("SELECT old_code || '>' || new_code FROM attendance_mark_history WHERE pupil_id = ?")
                .param(pupil.id()).query(String.class).list()).containsExactly("N>I");
    }

    @Test
    void eachKindOfBadRowIsReportedWithItsLineAndTheGoodRowsAreApplied() {
        Pupil pupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false);
        String id = pupil.id();
        String rows = String.join("\n",
                id + ",2026-11-23,AM,/",            // line 2: good
                id + ",2026-11-23,PM",              // line 3: malformed, 3 fields
                id + ",23/11/2026,PM,/",            // line 4: malformed date
                id + ",2026-11-23,EVE,/",           // line 5: malformed session
                "NOBODY-1,2026-11-23,AM,/",         // line 6: unknown pupil
                id + ",2026-11-23,PM,H",            // line 7: unknown code (pre-2024 H no longer exists)
                id + ",2026-11-25,AM,/",            // line 8: future (today is 24 November)
                id + ",2026-11-23,AM,N",            // line 9: same session twice
                id + ",2026-11-24,PM,\\") + "\n";   // line 10: good
        AttendanceImport.ImportReport report = importRows(attendanceImport, rows);

        assertThat(report.added()).isEqualTo(2);
        assertThat(report.rejected()).extracting(AttendanceImport.RowProblem::line).containsExactly(3, 4, 5, 6, 7, 8, 9);
        assertThat(report.rejected()).extracting(AttendanceImport.RowProblem::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("malformed: expected 4 fields"),
                r -> assertThat(r).startsWith("malformed: date"),
                r -> assertThat(r).startsWith("malformed: session"),
                r -> assertThat(r).isEqualTo("unknown pupil 'NOBODY-1'"),
                r -> assertThat(r).isEqualTo("unknown attendance code 'H'"),
                r -> assertThat(r).isEqualTo("date 2026-11-25 is in the future"),
                r -> assertThat(r).isEqualTo("the same pupil and session already appears on line 2"));
        assertThat(code(id, LocalDate.of(2026, 11, 23), "AM")).isEqualTo("/");
    }

    @Test
    void theWideSampleHasOneRowPerPupilPerDayWithAmAndPmColumns() throws Exception {
        AttendanceImport.ImportReport wide;
        try (Reader in = Files.newBufferedReader(Path.of("docs/samples/register-wide.csv"), StandardCharsets.UTF_8)) {
            wide = attendanceImport.importCsv(in, "register-wide.csv", "office");
        }

        assertThat(wide.rejected()).isEmpty();
        assertThat(wide.rowsRead()).isEqualTo(6);
        assertThat(wide.added() + wide.unchanged()).isEqualTo(12);
        assertThat(code("TVJ-0003", LocalDate.of(2026, 11, 17), "AM")).isEqualTo("M");
        assertThat(code("TVJ-0003", LocalDate.of(2026, 11, 17), "PM")).isEqualTo("\\");
    }

    @Test
    void aSemicolonExportWithBomCrlfAndQuotedFieldsImportsAndAWideRowReportsBothSessionsOnItsLine() {
        Pupil pupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false);
        String id = pupil.id();
        String csv = "\uFEFFPupil ID;Date;AM;PM\r\n"
                + "\"" + id + "\";2026-11-23;\"/\";\"\\\"\r\n"
                + "\r\n"
                + id + ";2026-11-24;H;F\r\n"
                + id + ";2026-11-20;N;\r\n";

        AttendanceImport.ImportReport report = attendanceImport.importCsv(new StringReader(csv), "semicolons.csv", "office");

        assertThat(report.added()).isEqualTo(3);
        assertThat(code(id, LocalDate.of(2026, 11, 23), "PM")).isEqualTo("\\");
        assertThat(code(id, LocalDate.of(2026, 11, 20), "AM")).isEqualTo("N");
        assertThat(report.rejected()).containsExactly(new AttendanceImport.RowProblem(4,
                "AM: unknown attendance code 'H'; PM: unknown attendance code 'F'"));
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedWhole() {
        Pupil pupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false);
        assertThatThrownBy(() -> attendanceImport.importCsv(new StringReader(pupil.id() + ",2026-11-23,AM,/\n"), "t", "office"))
                .isInstanceOf(org.doorstep.api.RefusedFileException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE pupil_id = ?").param(pupil.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theRestEndpointIsForTheOfficeAndAdministrators() throws Exception {
        Pupil pupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false);
        String csv = AttendanceImport.HEADER + "\n" + pupil.id() + ",2026-11-23,AM,/\n" + pupil.id() + ",2026-11-23,PM,X1\n";

        HttpResponse<String> office = post("office", csv);
        assertThat(office.statusCode()).isEqualTo(200);
        assertThat(office.body()).contains("\"added\":1").contains("unknown attendance code 'X1'").contains("\"line\":3");
        assertThat(post("visitor1", csv).statusCode()).isEqualTo(403);
        assertThat(post("office", "no header\n").statusCode()).isEqualTo(400);
    }

    @Test
    void aRegisterWithAThousandBadRowsIsAnsweredWithTheFirstHundredAndTheRestCanBeDownloaded() throws Exception {
        StringBuilder csv = new StringBuilder(AttendanceImport.HEADER).append('\n');
        for (int i = 1; i <= 1_000; i++) {
            csv.append("NOBODY-").append(i).append(",2026-11-23,AM,/\n");
        }
        HttpResponse<String> answer = post("office", csv.toString());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode report = new ObjectMapper().readTree(answer.body());
        assertThat(report.get("rowsRead").asInt()).isEqualTo(1_000);
        assertThat(report.get("rejectedCount").asInt()).isEqualTo(1_000);
        assertThat(report.get("rejected")).hasSize(AttendanceImport.REPORTED_PROBLEMS);
        assertThat(answer.body().length()).isLessThan(10_000);
        String download = report.get("problemsUrl").asText();
        assertThat(download).isEqualTo("/api/attendance/imports/" + report.get("importId").asLong() + "/problems");

        HttpResponse<String> problems = call("office", download, HttpRequest.Builder::GET, HttpResponse.BodyHandlers.ofString());
        assertThat(problems.statusCode()).isEqualTo(200);
        assertThat(problems.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(problems.body().split("\r\n")).hasSize(1_001)
                .startsWith("line,reason", "2,\"unknown pupil 'NOBODY-1'\"").endsWith("1001,\"unknown pupil 'NOBODY-1000'\"");
        assertThat(call("lyn-office", download, HttpRequest.Builder::GET, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("another office cannot read it").isEqualTo(404);
    }

    @Test
    void aRegisterOverTheSizeLimitIsRefusedWholeWith413() throws Exception {
        Pupil pupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false);
        // A good row first, then blank lines past 20 MB, sent without a length as a streaming client would.
        byte[] start = (AttendanceImport.HEADER + "\n" + pupil.id() + ",2026-11-23,AM,/\n").getBytes(StandardCharsets.UTF_8);
        byte[] blank = new byte[(20 << 20) + (64 << 10)];
        java.util.Arrays.fill(blank, (byte) '\n');
        HttpResponse<String> refused = call("office", "/api/attendance", request -> request.header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream(start), new java.io.ByteArrayInputStream(blank)))),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(413);
        JsonNode problem = new ObjectMapper().readTree(refused.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asText()).startsWith("The register is larger than 20 MB; nothing was imported");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE pupil_id = ?").param(pupil.id())
                .query(Long.class).single()).isZero();
    }

    private HttpResponse<String> post(String user, String csv) throws Exception {
        return call(user, "/api/attendance", request -> request.header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), HttpResponse.BodyHandlers.ofString());
    }

    private AttendanceImport.ImportReport importSample() throws Exception {
        // The documented sample itself (docs/triggers.md), so the documentation cannot drift from what works.
        try (Reader in = Files.newBufferedReader(Path.of("docs/sample-register.csv"), StandardCharsets.UTF_8)) {
            return attendanceImport.importCsv(in, "sample-register.csv", "office");
        }
    }

    private String code(String pupilId, LocalDate day, String session) {
        return jdbc.sql("SELECT code FROM attendance_mark WHERE pupil_id = ? AND session_date = ? AND session = ?")
                .params(pupilId, java.sql.Date.valueOf(day), session).query(String.class).single();
    }
}
