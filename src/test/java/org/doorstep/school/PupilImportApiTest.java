package org.doorstep.school;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.EngineClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.doorstep.trigger.TriggerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pupils-and-families import through the public API, as a school's office would use it. */
@DoorstepTest
class PupilImportApiTest {

    private static final AtomicLong UPNS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 100);
    private static final String CSV_HEADER = "upn,first_name,last_name,date_of_birth,address_line1,town,postcode,"
            + "child_in_need,contact1_name,contact1_relationship,contact1_phones\n";

    @Autowired
    SchoolDirectory directory;
    @Autowired
    SchoolOnboarding onboarding;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;

    @BeforeEach
    void today() {
        ClockUtil.setCurrentTime(java.util.Date.from(LocalDate.of(2026, 11, 24).atTime(LocalTime.of(10, 0))
                .atZone(EngineClock.SCHOOL_ZONE).toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void reImportIsAnUpsertThatKeepsTheReplacedAddressAndContactAndTheSameFileChangesNothing() throws Exception {
        String school = school("import-upsert-academy", "IMPU", 21);
        String upn = upn();
        String first = CSV_HEADER + upn + ",Mia,Test,2017-02-01,\"Flat 1, Old House\",Testton,ZZ9 1AA,N,Kim Test,Mother,07700 900001\n";
        String moved = CSV_HEADER + upn + ",Mia,Test,2017-02-01,\"2 New Road\",Testton,ZZ9 2BB,Y,Kim Test,Mother,07700 900009\n";

        JsonNode added = report(post("office", school, "text/csv", first, ""));
        JsonNode same = report(post("office", school, "text/csv", first, ""));
        JsonNode changed = report(post("office", school, "text/csv", moved, ""));

        assertThat(added.get("added").asInt()).isEqualTo(1);
        assertThat(same.get("added").asInt() + same.get("updated").asInt()).as("the same file again changes nothing").isZero();
        assertThat(same.get("unchanged").asInt()).isEqualTo(1);
        assertThat(changed.get("updated").asInt()).isEqualTo(1);
        Pupil pupil = directory.requirePupil(upn);
        assertThat(pupil.address()).isEqualTo("2 New Road, Testton, ZZ9 2BB");
        assertThat(pupil.vulnerable()).as("child in need now").isTrue();
        assertThat(pupil.knownToSocialCare()).isTrue();
        assertThat(directory.contacts(upn)).extracting(Contact::phone).containsExactly("07700 900009");
        assertThat(jdbc.sql("SELECT field || ': ' || COALESCE(old_value, '') || ' > ' || COALESCE(new_value, '') FROM pupil_history"
                + " WHERE pupil_id = ? ORDER BY id").param(upn).query(String.class).list()).containsExactly(
                "address: Flat 1, Old House, Testton, ZZ9 1AA > 2 New Road, Testton, ZZ9 2BB",
                "flags:  > child_in_need",
                "contact 1: Kim Test; Mother; parental responsibility; 07700 900001;  > Kim Test; Mother; parental responsibility; 07700 900009; ");
        List<AuditTrail.AuditEvent> imports = audit.events("school", school).stream()
                .filter(event -> event.action().equals("PUPILS_IMPORTED")).toList();
        assertThat(imports).extracting(AuditTrail.AuditEvent::actor).containsExactly("office", "office", "office");
        assertThat(imports.get(2).detail()).contains("1 updated");
    }

    @Test
    void aPupilMissingFromAFullImportIsMarkedAsLeftNeverDeletedAndTheirRegisterStays() throws Exception {
        String school = school("import-leavers-academy", "IMPL", 22);
        String stays = upn();
        String leaves = upn();
        report(post("office", school, "text/csv", roll(stays, leaves), "?full=true"));
        jdbc.sql("INSERT INTO attendance_mark (pupil_id, session_date, session, school_id, code, category, seen, import_id)"
                + " VALUES (?, ?, 'AM', ?, 'N', 'U', FALSE, 0)").params(leaves, Date.valueOf("2026-11-23"), school).update();

        JsonNode partial = report(post("office", school, "text/csv", roll(stays), ""));
        JsonNode full = report(post("office", school, "text/csv", roll(stays), "?full=true"));

        assertThat(partial.get("markedLeft").asInt()).as("a partial file says nothing about who left").isZero();
        assertThat(full.get("markedLeft").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT left_on FROM pupil WHERE id = ?").param(leaves).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(directory.pupils(school)).extracting(Pupil::id).containsExactly(stays);
        assertThat(directory.pupil(leaves)).as("never deleted").isPresent();
        assertThat(directory.contacts(leaves)).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attendance_mark WHERE pupil_id = ?").param(leaves).query(Long.class).single())
                .isEqualTo(1);

        JsonNode register = new ObjectMapper().readTree(call("office", "/api/attendance", "text/csv",
                "pupil_id,date,session,code\n" + leaves + ",2026-11-24,AM,N\n").body());
        assertThat(register.get("rejected").get(0).get("reason").asText())
                .as("no register, so no absence case, for a child no longer on the roll")
                .isEqualTo("pupil '" + leaves + "' left the school on 2026-11-24");

        JsonNode back = report(post("office", school, "text/csv", roll(stays, leaves), "?full=true"));
        assertThat(back.get("updated").asInt()).as("a leaver on the roll again").isEqualTo(1);
        assertThat(directory.pupils(school)).hasSize(2);
    }

    @Test
    void aFullImportWithRejectedRecordsMarksNoOneAsLeft() throws Exception {
        String school = school("import-careful-academy", "IMPC", 23);
        String one = upn();
        String two = upn();
        report(post("office", school, "text/csv", roll(one, two), "?full=true"));

        JsonNode full = report(post("office", school, "text/csv",
                roll(one) + two + ",Two,Test,1st May,1 Road,Testton,ZZ9 1AA,N,Parent,Mother,07700\n", "?full=true"));

        assertThat(full.get("rejectedCount").asInt()).isEqualTo(1);
        assertThat(full.get("rejected").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(full.get("markedLeft").asInt()).isZero();
        assertThat(full.get("note").asText()).startsWith("A full import with rejected records marks no one as left");
        assertThat(directory.pupils(school)).hasSize(2);
    }

    @Test
    void theSampleCtfBringsFamiliesAndItsAttendanceReachesTheRegister() throws Exception {
        String school = school("import-ctf-academy", "IMPX", 24);
        String ctf = Files.readString(Path.of("docs/samples/families.ctf.xml"), StandardCharsets.UTF_8);

        JsonNode families = report(post("office", school, "application/xml", ctf, ""));
        HttpResponse<String> register = call("office", "/api/attendance", "application/xml", ctf);
        HttpResponse<String> again = call("office", "/api/attendance", "application/xml", ctf);

        assertThat(families.get("format").asText()).isEqualTo("CTF");
        assertThat(families.get("added").asInt()).isEqualTo(3);
        assertThat(directory.requirePupil("A999900026102").knownToSocialCare()).as("looked after").isTrue();
        assertThat(register.statusCode()).isEqualTo(200);
        JsonNode marks = new ObjectMapper().readTree(register.body());
        assertThat(marks.get("rejectedCount").asInt()).isZero();
        assertThat(marks.get("added").asInt()).as("8 and 8 marked sessions; blanks are no mark").isEqualTo(16);
        assertThat(jdbc.sql("SELECT code FROM attendance_mark WHERE pupil_id = 'A999900026102' AND session_date = ? AND session = 'AM'")
                .param(Date.valueOf("2026-11-19")).query(String.class).single()).isEqualTo("I");
        assertThat(new ObjectMapper().readTree(again.body()).get("unchanged").asInt()).isEqualTo(16);
    }

    @Test
    void onlyThatSchoolsOfficeOrAnAdministratorMayImportAndAMalformedCtfIsRefusedNamingTheElement() throws Exception {
        String school = school("import-guarded-academy", "IMPG", 25);
        String csv = CSV_HEADER + upn() + ",Ann,Test,2017-02-01,1 Road,Testton,ZZ9 1AA,N,Parent,Mother,07700 900001\n";

        assertThat(post("visitor1", school, "text/csv", csv, "").statusCode()).isEqualTo(403);
        assertThat(post("lyn-office", school, "text/csv", csv, "").statusCode()).as("another school's office").isEqualTo(404);
        assertThat(post("office", "no-such-school", "text/csv", csv, "").statusCode()).isEqualTo(404);
        assertThat(post("admin", school, "text/csv", csv, "").statusCode()).isEqualTo(200);

        HttpResponse<String> malformed = post("office", school, "application/xml",
                "<CTfile><CTFpupilData><Pupil><UPN>A1</UPN></Contacts></Pupil></CTFpupilData></CTfile>", "");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(malformed.body()).get("detail").asText())
                .startsWith("The CTF is not well-formed XML at line 1, in CTfile/CTFpupilData/Pupil");
    }

    /** A school of this test's own, onboarded from its test profile (src/test/resources/test-policies). */
    private String school(String id, String referencePrefix, int n) {
        onboarding.onboard(TriggerTestSupport.testSchool(id, referencePrefix, n), "test");
        if (identity.createTenantQuery().tenantId(id).userMember("office").count() == 0) {
            identity.createTenantUserMembership(id, "office");
        }
        return id;
    }

    /** A pupils CSV with one plain pupil a UPN. */
    private static String roll(String... upns) {
        StringBuilder csv = new StringBuilder(CSV_HEADER);
        for (String upn : upns) {
            csv.append(upn).append(",Pupil,Test,2017-02-01,1 Road,Testton,ZZ9 1AA,N,Parent,Mother,07700 900001\n");
        }
        return csv.toString();
    }

    private static String upn() {
        return "B" + String.format("%011d", UPNS.incrementAndGet() % 100_000_000_000L) + "0";
    }

    private JsonNode report(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private HttpResponse<String> post(String user, String school, String type, String body, String query) throws Exception {
        return call(user, "/api/schools/" + school + "/pupils" + query, type, body);
    }

    private HttpResponse<String> call(String user, String path, String type, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":doorstep-demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
