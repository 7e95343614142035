package org.doorstep.school;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.security.Roles;
import org.doorstep.security.WebClient;
import org.doorstep.trigger.TriggerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 item 1: onboarding a school is an administrator's operation, through the API, from the
 * school's policy profile: record, tenant, staff group and a reference prefix unique across the install.
 */
@DoorstepTest
class SchoolOnboardingTest {

    static final String OAK_HILL = "oak-hill-primary";
    static final String OAKFIELD = "oakfield-academy";
    static final String MOOR_EDGE = "moor-edge-primary";

    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    SchoolDirectory directory;
    @Autowired
    IdentityService identity;
    @Autowired
    AuditTrail audit;
    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;

    @Test
    void anAdministratorOnboardsASchoolFromItsProfileOnceAndARepeatChangesNothing() throws Exception {
        SchoolOnboarding.Onboarding oakHill = TriggerTestSupport.testSchool(OAK_HILL, "oak", 4);

        HttpResponse<String> first = onboard(oakHill);
        HttpResponse<String> repeated = onboard(oakHill);

        assertThat(first.statusCode()).as(first.body()).isIn(200, 201);
        assertThat(repeated.statusCode()).as("the same declaration again: " + repeated.body()).isEqualTo(200);
        School school = directory.school(OAK_HILL).orElseThrow();
        assertThat(school.name()).as("named by its profile").isEqualTo("Oak Hill Primary (test)");
        assertThat(school.referencePrefix()).as("declared, upper case").isEqualTo("OAK");
        assertThat(school.urn()).isEqualTo("990004");
        assertThat(school.dfeNumber()).isEqualTo("999/3004");
        assertThat(school.phone()).as("printed on cards and letters").isEqualTo("01754 000004");
        assertThat(identity.createTenantQuery().tenantId(OAK_HILL).singleResult().getName()).isEqualTo(school.name());
        assertThat(identity.createGroupQuery().groupId("staff-" + OAK_HILL).count()).as("its staff group").isEqualTo(1);
        assertThat(audit.events("school", OAK_HILL)).extracting(AuditTrail.AuditEvent::action)
                .as("audited once, the repeat changed nothing").containsOnlyOnce("SCHOOL_ONBOARDED");

        SchoolOnboarding.Onboarding otherDetails = new SchoolOnboarding.Onboarding(OAK_HILL, "Another Oak Hill", oakHill.urn(),
                oakHill.laNumber(), oakHill.dfeNumber(), oakHill.address(), oakHill.phone(), oakHill.email(), "OAK");
        JsonNode refused = problem(onboard(otherDetails), 409);
        assertThat(refused.get("detail").asText()).contains("already onboarded").contains("nothing was changed");
        assertThat(directory.school(OAK_HILL).orElseThrow().name()).isEqualTo("Oak Hill Primary (test)");
    }

    @Test
    void aNewSchoolIsCreatedWith201() throws Exception {
        HttpResponse<String> created = onboard(TriggerTestSupport.testSchool("holme-valley-primary", "HVP", 6));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/admin/schools/holme-valley-primary");
        assertThat(json.readTree(created.body()).get("referencePrefix").asText()).isEqualTo("HVP");
    }

    @Test
    void aReferencePrefixTakenByAnotherSchoolIsRefusedWith409AndNothingIsWritten() throws Exception {
        onboard(TriggerTestSupport.testSchool(OAK_HILL, "OAK", 4));

        JsonNode refused = problem(onboard(TriggerTestSupport.testSchool(OAKFIELD, "OAK", 5)), 409);

        assertThat(refused.get("detail").asText())
                .isEqualTo("Reference prefix 'OAK' is already used by Oak Hill Primary (test); choose another");
        assertThat(directory.school(OAKFIELD)).isEmpty();
        assertThat(identity.createTenantQuery().tenantId(OAKFIELD).count()).as("no tenant half-made").isZero();
    }

    @Test
    void aBadDeclarationIsRefusedNamingTheField() throws Exception {
        SchoolOnboarding.Onboarding good = TriggerTestSupport.testSchool(OAKFIELD, "OAKF", 5);

        JsonNode badPrefix = problem(onboard(new SchoolOnboarding.Onboarding(OAKFIELD, null, good.urn(), good.laNumber(),
                good.dfeNumber(), good.address(), good.phone(), good.email(), "HV-1")), 400);
        JsonNode otherAuthority = problem(onboard(new SchoolOnboarding.Onboarding(OAKFIELD, null, good.urn(), "925",
                good.dfeNumber(), good.address(), good.phone(), good.email(), "OAKF")), 400);
        JsonNode noProfile = problem(onboard(new SchoolOnboarding.Onboarding("no-such-profile", null, good.urn(),
                good.laNumber(), good.dfeNumber(), good.address(), good.phone(), good.email(), "NOPE")), 400);

        assertThat(badPrefix.get("field").asText()).isEqualTo("referencePrefix");
        assertThat(otherAuthority.get("detail").asText()).contains("does not start with the LA number 925");
        assertThat(noProfile.get("field").asText()).isEqualTo("profile");
        assertThat(directory.school(OAKFIELD)).isEmpty();
    }

    @Test
    void onlyAdministratorsOnboardSchools() throws Exception {
        HttpResponse<String> byOffice = WebClient.basic(port, "office", password).postJson("/api/admin/schools",
                json.writeValueAsString(TriggerTestSupport.testSchool(OAKFIELD, "OAKF", 5)));

        problem(byOffice, 403);
        problem(WebClient.basic(port, "head", password).get("/api/admin/schools"), 403);
        assertThat(directory.school(OAKFIELD)).isEmpty();
    }

    @Test
    void aLocalAuthorityOfficerIsGivenSeveralSchools() throws Exception {
        onboard(TriggerTestSupport.testSchool(OAK_HILL, "OAK", 4));
        // Two test schools of its own: an officer given a demo school would be that school's senior leader
        // for every other test sharing this context.
        onboard(TriggerTestSupport.testSchool(MOOR_EDGE, "MEP", 32));
        if (identity.createUserQuery().userId("la-oak").count() == 0) {
            User officer = identity.newUser("la-oak");
            officer.setPassword("a long enough test password 1");
            identity.saveUser(officer);
        }

        HttpResponse<String> first = admin().postJson("/api/admin/schools/" + OAK_HILL + "/members",
                "{\"userId\":\"la-oak\",\"role\":\"senior-leaders\"}");
        HttpResponse<String> second = admin().postJson("/api/admin/schools/" + MOOR_EDGE + "/members", "{\"userId\":\"la-oak\"}");
        HttpResponse<String> again = admin().postJson("/api/admin/schools/" + MOOR_EDGE + "/members", "{\"userId\":\"la-oak\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("changed").asBoolean()).as("already a member").isFalse();
        assertThat(identity.createTenantQuery().userMember("la-oak").list()).extracting(Tenant::getId)
                .containsExactlyInAnyOrder(OAK_HILL, MOOR_EDGE);
        assertThat(identity.createGroupQuery().groupMember("la-oak").groupId(Roles.SENIOR_LEADERS).count()).isEqualTo(1);
        assertThat(identity.createGroupQuery().groupMember("la-oak").groupId("staff-" + OAK_HILL).count())
                .as("sees the school's staff").isEqualTo(1);
        assertThat(problem(admin().postJson("/api/admin/schools/" + OAK_HILL + "/members",
                "{\"userId\":\"la-oak\",\"role\":\"camunda-admin\"}"), 400).get("field").asText()).isEqualTo("role");
        problem(admin().postJson("/api/admin/schools/no-such-school/members", "{\"userId\":\"la-oak\"}"), 404);
    }

    private HttpResponse<String> onboard(SchoolOnboarding.Onboarding school) throws Exception {
        return admin().postJson("/api/admin/schools", json.writeValueAsString(school));
    }

    private WebClient admin() {
        return WebClient.basic(port, "admin", password);
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return json.readTree(response.body());
    }
}
