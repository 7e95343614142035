package org.doorstep.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.security.SchoolAccess;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.doorstep.trigger.TriggerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff and users from a school's export, through the public API only: the administrator (or the
 * school's office) imports the file, each new user sets their own password with a one-time link and
 * signs in; a leaver cannot. Each test has a school of its own, so a full import leaves every other
 * test's staff alone.
 */
@DoorstepTest
class StaffImportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "username,first_name,last_name,role,email,mobile,dbs_checked_on,"
            + "vehicle_make,vehicle_model,vehicle_colour,vehicle_registration\n";
    private static final String GOOD_PASSWORD = "kites over the allotment";

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String demoPassword;

    @Autowired
    SchoolDirectory directory;
    @Autowired
    SchoolOnboarding onboarding;

    @Autowired
    IdentityService identityService;

    @Autowired
    SchoolAccess schoolAccess;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aNewUserSetsTheirOwnPasswordWithTheOneTimeLinkAWeakOneIsRefusedAndTheySignIn() throws Exception {
        String school = school("sit-first-use", "SITF", 11);
        JsonNode report = importAsAdmin(school, false, HEADER
                + "fu-vance,Vera,Vance,visiting staff,vera.vance@sit.example,07700 900123,2025-09-01,Ford,Fiesta,Blue,ZZ25 ABC\n"
                + "fu-okafor,Olu,Okafor,office,,07700 900124,,,,,\n");

        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("problems")).isEmpty();
        JsonNode vera = link(report, "fu-vance");
        assertThat(vera.get("emailed").asBoolean()).isTrue();
        assertThat(link(report, "fu-okafor").get("emailed").asBoolean()).as("no address, so only the importer has it").isFalse();
        assertThat(vera.get("link").asText()).matches("http://localhost:" + port + "/set-password#token=[A-Za-z0-9_-]{43}");
        String token = token(vera);
        assertThat(jdbc.sql("SELECT body FROM notification_outbox WHERE recipient_user = ?").param("fu-vance").query(String.class).single())
                .as("the e-mail carries the link").contains(vera.get("link").asText()).contains("username is fu-vance");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM password_link WHERE token_hash = ?").param(token).query(Integer.class).single())
                .as("the token itself is not stored").isZero();

        // The user exists as a demo user of that school would: role group, the school's tenant and staff group.
        assertThat(identityService.createGroupQuery().groupMember("fu-vance").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder("visiting-staff", "staff-" + school);
        assertThat(schoolAccess.schoolsOf("fu-vance")).containsExactly(school);
        assertThat(directory.staff("fu-vance")).hasValueSatisfying(staff -> {
            assertThat(staff.vehicleRegistration()).isEqualTo("ZZ25 ABC");
            assertThat(staff.mobile()).isEqualTo("07700 900123");
        });

        WebClient stranger = WebClient.anonymous(port);
        assertThat(stranger.get("/set-password").statusCode()).isEqualTo(200);
        HttpResponse<String> holder = stranger.postJson("/api/password-links/holder", "{\"token\":\"" + token + "\"}");
        assertThat(holder.statusCode()).as(holder.body()).isEqualTo(200);
        assertThat(JSON.readTree(holder.body()).get("userId").asText()).isEqualTo("fu-vance");

        HttpResponse<String> common = setPassword(stranger, token, "Password2026!");
        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(common.body()).get("detail").asText()).contains("not a commonly used password");
        assertThat(JSON.readTree(common.body()).get("field").asText()).isEqualTo("password");
        assertThat(JSON.readTree(setPassword(stranger, token, "short").body()).get("detail").asText()).contains("at least 12 characters");
        assertThat(JSON.readTree(setPassword(stranger, token, "i am fu-vance at school").body()).get("detail").asText())
                .contains("must not contain the user's id, name or e-mail");

        HttpResponse<String> set = setPassword(stranger, token, GOOD_PASSWORD);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        WebClient vance = WebClient.signedIn(port, "fu-vance", GOOD_PASSWORD);
        assertThat(JSON.readTree(vance.get("/api/me").body()).get("groups")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("visiting-staff", "staff-" + school);

        HttpResponse<String> again = setPassword(stranger, token, "another long passphrase");
        assertThat(again.statusCode()).as("a link works once").isEqualTo(410);
        assertThat(JSON.readTree(again.body()).get("detail").asText()).contains("already been used");
        assertThat(audit.events("user", "fu-vance")).extracting(AuditTrail.AuditEvent::action).containsExactly("PASSWORD_SET");
        assertThat(audit.events(StaffImport.SUBJECT, "fu-vance")).extracting(AuditTrail.AuditEvent::actor, AuditTrail.AuditEvent::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", "STAFF_CREATED"));
    }

    @Test
    void reimportingTheSameFileChangesNothingAndAChangeIsAuditedByName() throws Exception {
        String school = school("sit-upsert", "SITU", 12);
        String file = HEADER + "up-hart,Helen,Hart,Headteacher; DSL,helen@sit.example,07700 900200,2025-09-01,,,,\n";
        importAsAdmin(school, false, file);
        int auditedBefore = audit.events(StaffImport.SUBJECT, "up-hart").size();

        JsonNode again = importAsAdmin(school, false, file);
        assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(1);
        assertThat(again.get("links")).as("no new link for someone who has one").isEmpty();
        assertThat(audit.events(StaffImport.SUBJECT, "up-hart")).hasSize(auditedBefore);

        JsonNode changed = importAsAdmin(school, false, "username,first_name,last_name,role,mobile\n"
                + "up-hart,Helen,Hart,headteacher,07700 900201\n");
        assertThat(changed.get("updated").asInt()).isEqualTo(1);
        assertThat(audit.events(StaffImport.SUBJECT, "up-hart").get(auditedBefore).detail())
                .contains("changed mobile").contains("roles dsl, headteacher → headteacher");
        assertThat(directory.staff("up-hart")).hasValueSatisfying(staff -> {
            assertThat(staff.mobile()).isEqualTo("07700 900201");
            assertThat(staff.email()).as("a column the file does not have keeps its value").isEqualTo("helen@sit.example");
        });
        assertThat(identityService.createGroupQuery().groupMember("up-hart").groupId("dsl").count()).isZero();
    }

    @Test
    void aLeaverMissingFromAFullImportCannotSignInNorBePickedAndKeepsTheirRecord() throws Exception {
        String school = school("sit-leavers", "SITL", 13);
        JsonNode first = importAsAdmin(school, false, HEADER
                + "lv-stay,Sam,Stay,visiting staff,,,,,,,\n"
                + "lv-go,Gus,Go,visiting staff,,,,,,,\n");
        String token = token(link(first, "lv-go"));
        assertThat(setPassword(WebClient.anonymous(port), token, GOOD_PASSWORD).statusCode()).isEqualTo(200);
        WebClient.signedIn(port, "lv-go", GOOD_PASSWORD);

        JsonNode withABadRow = importAsAdmin(school, true, HEADER + "lv-stay,Sam,Stay,visiting staff,,,,,,,\nlv-typo,Ty,Po,cook,,,,,,,\n");
        assertThat(withABadRow.get("left")).as("a full import with a bad row makes nobody a leaver").isEmpty();
        assertThat(withABadRow.get("note").asText()).contains("Nobody was deactivated");

        JsonNode full = importAsAdmin(school, true, HEADER + "lv-stay,Sam,Stay,visiting staff,,,,,,,\n");
        assertThat(full.get("left")).extracting(JsonNode::asText).containsExactly("lv-go");
        assertThatThrownBy(() -> WebClient.signedIn(port, "lv-go", GOOD_PASSWORD)).hasMessageContaining("failed");
        assertThat(WebClient.basic(port, "lv-go", GOOD_PASSWORD).get("/api/me").statusCode()).isEqualTo(401);
        assertThat(schoolAccess.schoolsOf("lv-go")).as("not a member of the school: cannot be named on a plan").isEmpty();
        assertThat(identityService.createGroupQuery().groupMember("lv-go").count()).isZero();
        assertThat(directory.staff("lv-go")).as("the record that visits and check-ins name stays").isPresent();
        assertThat(identityService.createUserQuery().userId("lv-go").count()).isEqualTo(1);
        assertThat(audit.events(StaffImport.SUBJECT, "lv-go")).extracting(AuditTrail.AuditEvent::action).endsWith("STAFF_LEFT");

        JsonNode back = importAsAdmin(school, false, HEADER + "lv-go,Gus,Go,visiting staff,,,,,,,\n");
        assertThat(back.get("returned")).extracting(JsonNode::asText).containsExactly("lv-go");
        assertThat(back.get("links")).as("only an administrator sends a returning user a link").isEmpty();
        assertThatThrownBy(() -> WebClient.signedIn(port, "lv-go", GOOD_PASSWORD)).hasMessageContaining("failed");
        HttpResponse<String> fresh = WebClient.basic(port, "admin", demoPassword)
                .post("/api/schools/" + school + "/staff/lv-go/password-link", "application/json", "");
        assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
        String newToken = token(JSON.readTree(fresh.body()));
        assertThat(setPassword(WebClient.anonymous(port), newToken, "back again after a year away").statusCode()).isEqualTo(200);
        WebClient.signedIn(port, "lv-go", "back again after a year away");
    }

    @Test
    void theOfficeImportsForItsOwnSchoolOnlyAndCannotTakeOverAnotherUser() throws Exception {
        WebClient office = WebClient.basic(port, "office", demoPassword);
        assertThat(office.post("/api/schools/lynnfield-primary/staff", "text/csv", HEADER + "x1,X,Y,office,,,,,,,\n").statusCode())
                .as("another school's staff are not theirs to import").isEqualTo(404);
        assertThat(WebClient.basic(port, "visitor1", demoPassword)
                .post("/api/schools/thames-view-junior/staff", "text/csv", HEADER).statusCode()).isEqualTo(403);

        HttpResponse<String> takeOver = office.post("/api/schools/thames-view-junior/staff", "text/csv", HEADER
                + "admin,Ada,Admin,office,,,,,,,\n"
                + "la-officer,Lou,Authority,dsl,,,,,,,\n"
                + "lyn-head,Helen,Hart,dsl,,,,,,,\n"
                + "new-admin,Nat,Admin,camunda-admin,,,,,,,\n");
        assertThat(takeOver.statusCode()).as(takeOver.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(takeOver.body());
        assertThat(report.get("created").asInt() + report.get("updated").asInt()).isZero();
        assertThat(report.get("problems")).extracting(problem -> problem.get("line").asInt() + " " + problem.get("reason").asText())
                .containsExactly("2 username admin is taken by another Doorstep user; choose another, or ask an administrator",
                        "3 username la-officer is taken by another Doorstep user; choose another, or ask an administrator",
                        "4 username lyn-head is taken by another Doorstep user; choose another, or ask an administrator",
                        "5 role camunda-admin is not a school role; use headteacher, dsl, office, visiting-staff, senior-leaders (several separated by ;)");
        assertThat(identityService.createGroupQuery().groupMember("admin").groupId("office").count()).isZero();
        assertThat(WebClient.basic(port, "office", demoPassword)
                .post("/api/schools/thames-view-junior/staff/visitor1/password-link", "application/json", "").statusCode())
                .as("only an administrator issues a link for an existing account").isEqualTo(403);

        HttpResponse<String> unreadable = office.post("/api/schools/thames-view-junior/staff", "text/csv", "name,phone\nX,1\n");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unreadable.body()).get("detail").asText()).contains("Unknown column name").contains("nothing was imported");
    }

    @Test
    void guessingLinksIsSlowedDownPerAddressAndAnExpiredLinkSaysSo() throws Exception {
        String school = school("sit-guessing", "SITG", 14);
        JsonNode report = importAsAdmin(school, false, HEADER + "gu-one,Gail,One,office,,,,,,,\ngu-two,Gus,Two,office,,,,,,,\n");
        String one = token(link(report, "gu-one"));
        String two = token(link(report, "gu-two"));
        WebClient guesser = WebClient.anonymous(port);

        Instant start = Instant.now();
        ClockUtil.setCurrentTime(Date.from(start));
        HttpResponse<String> wrong = setPassword(guesser, "A".repeat(43), GOOD_PASSWORD);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrong.body()).get("detail").asText()).contains("This link is not known");
        for (int i = 0; i < 6; i++) {
            setPassword(guesser, "B".repeat(42) + i, GOOD_PASSWORD);
        }
        HttpResponse<String> throttled = setPassword(guesser, one, GOOD_PASSWORD);
        assertThat(throttled.statusCode()).as("even the right token waits once the address guessed too often").isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(16))));
        assertThat(setPassword(guesser, one, GOOD_PASSWORD).statusCode()).isEqualTo(200);

        ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(73))));
        HttpResponse<String> expired = setPassword(guesser, two, GOOD_PASSWORD);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(JSON.readTree(expired.body()).get("detail").asText()).contains("expired");

        HttpResponse<String> fresh = WebClient.basic(port, "admin", demoPassword)
                .post("/api/schools/" + school + "/staff/gu-two/password-link", "application/json", "");
        String renewed = token(JSON.readTree(fresh.body()));
        assertThat(setPassword(guesser, renewed, GOOD_PASSWORD).statusCode()).as("a fresh link from the administrator works")
                .isEqualTo(200);
    }

    /** A school of this test's own, onboarded from its test profile (src/test/resources/test-policies). */
    private String school(String id, String referencePrefix, int n) {
        onboarding.onboard(TriggerTestSupport.testSchool(id, referencePrefix, n), "test");
        return id;
    }

    private JsonNode importAsAdmin(String school, boolean full, String csv) throws Exception {
        HttpResponse<String> response = WebClient.basic(port, "admin", demoPassword)
                .post("/api/schools/" + school + "/staff" + (full ? "?full=true" : ""), "text/csv", csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode link(JsonNode report, String username) {
        List<JsonNode> links = report.get("links").findParents("username");
        return links.stream().filter(link -> link.get("username").asText().equals(username)).findFirst().orElseThrow();
    }

    /** The token a link carries in its fragment, which a browser never sends to the server. */
    private static String token(JsonNode link) {
        return link.get("link").asText().replaceAll(".*#token=", "");
    }

    private static HttpResponse<String> setPassword(WebClient client, String token, String password) throws Exception {
        return client.postJson("/api/password-links/password",
                JSON.createObjectNode().put("token", token).put("password", password).toString());
    }
}
