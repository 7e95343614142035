package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One sign-in for every door, and each role sees only the doors it needs. */
@DoorstepTest
class SignInAndRolesTest {

    @LocalServerPort
    int port;

    @Autowired
    VisitService visits;

    @Autowired
    VisitNotes notes;

    @Autowired
    AuditTrail audit;

    @Value("${doorstep.demo.password}")
    String password;

    @Test
    void theRestApiRefusesCallersWhoAreNotSignedIn() {
        assertThat(WebClient.anonymous(port).get("/engine-rest/task").statusCode()).isEqualTo(401);
        assertThat(WebClient.anonymous(port).get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
        assertThat(WebClient.basic(port, "nobody", "wrong-password").get("/engine-rest/task").statusCode()).isEqualTo(401);
    }

    @Test
    void theRestApiAnswersASignedInUser() {
        assertThat(WebClient.basic(port, "visitor1", password).get("/engine-rest/task").statusCode()).isEqualTo(200);
    }

    @Test
    void doorstepPagesSendStrangersToTheSignInPage() {
        var response = WebClient.anonymous(port).get("/camunda/app/tasklist/default/");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(WebClient.anonymous(port).get("/login").body()).contains("name=\"username\"");
        assertThat(WebClient.anonymous(port).get("/api/me").statusCode()).isEqualTo(401);
    }

    @Test
    void oneSignInOpensTasklistAndTheCamundaSession() {
        WebClient visitor = WebClient.signedIn(port, "visitor1", password);
        assertThat(visitor.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        var camundaUser = visitor.get("/camunda/api/admin/auth/user/default");
        assertThat(camundaUser.statusCode()).isEqualTo(200);
        assertThat(camundaUser.body()).contains("\"userId\":\"visitor1\"").contains("tasklist").doesNotContain("cockpit");
        assertThat(visitor.get("/api/me").body()).contains("visiting-staff");
    }

    @Test
    void visitingStaffCannotOpenCockpitOrAdmin() {
        WebClient visitor = WebClient.signedIn(port, "visitor1", password);
        assertThat(visitor.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
        assertThat(visitor.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
        assertThat(visitor.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").statusCode()).isEqualTo(403);
        assertThat(visitor.get("/camunda/api/admin/plugin/adminPlugins/default/users").statusCode()).isEqualTo(403);
    }

    @Test
    void seniorLeadersWatchInCockpitButDoNotAdminister() {
        WebClient leader = WebClient.signedIn(port, "leader", password);
        assertThat(leader.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(leader.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").statusCode()).isEqualTo(200);
        assertThat(leader.get("/camunda/app/admin/default/").statusCode()).isEqualTo(403);
    }

    @Test
    void administratorsOpenAdmin() {
        WebClient admin = WebClient.signedIn(port, "admin", password);
        assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
        assertThat(admin.get("/camunda/api/engine/engine/default/user/count").statusCode()).isEqualTo(200);
    }

    @Test
    void officeStaffCannotReadSafeguardingNotesButTheDslCan() {
        String reference = visits.requestVisit("TVJ-0003", "safeguarding", "office").getBusinessKey();
        notes.add(reference, NoteKind.SAFEGUARDING, "Synthetic concern raised at the door", "visitor1");
        notes.add(reference, NoteKind.OUTCOME, "Parent agreed a return date", "visitor1");
        WebClient office = WebClient.signedIn(port, "office", password);
        assertThat(office.get("/api/visits/" + reference + "/safeguarding-notes").statusCode()).isEqualTo(403);
        assertThat(office.get("/api/visits/" + reference + "/notes").body())
                .contains("Parent agreed a return date").doesNotContain("Synthetic concern");
        var dslRead = WebClient.signedIn(port, "dsl", password).get("/api/visits/" + reference + "/safeguarding-notes");
        assertThat(dslRead.statusCode()).isEqualTo(200);
        assertThat(dslRead.body()).contains("Synthetic concern").doesNotContain("return date");
        assertThat(audit.events("visit", reference)).extracting(AuditTrail.AuditEvent::action)
                .containsOnlyOnce("SAFEGUARDING_NOTES_READ");
    }

    @Test
    void tasksAreVisibleOnlyToTheGroupsThePolicyNames() {
        String reference = visits.requestVisit("TVJ-0001", "attendance", "office").getBusinessKey();
        String headsTasks = WebClient.basic(port, "head", password).get("/engine-rest/task?processInstanceBusinessKey=" + reference).body();
        String visitorsTasks = WebClient.basic(port, "visitor1", password).get("/engine-rest/task?processInstanceBusinessKey=" + reference).body();
        assertThat(headsTasks).contains("Authorise the visit");
        assertThat(visitorsTasks).isEqualTo("[]");
    }

    @Test
    void onlyAdministratorsSeeAndReloadThePolicyProfiles() {
        assertThat(WebClient.basic(port, "head", password).get("/api/policies").statusCode()).isEqualTo(403);
        assertThat(WebClient.basic(port, "admin", password).get("/api/policies").body()).contains("lynnfield-primary");
        var reload = WebClient.basic(port, "admin", password).postJson("/api/policies/reload", "");
        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(reload.body()).contains("thames-view-junior");
    }

    @Test
    void theOfficeFindsSafetyAlertsFirstInTasklist() {
        String filters = WebClient.basic(port, "office", password).get("/engine-rest/filter?resourceType=Task&sortBy=name&sortOrder=asc").body();
        assertThat(filters).contains("Safety alerts").contains("My tasks").contains("My team's tasks");
    }

    @Test
    void theRequestPageAsksForAVisitWithTheSessionAndItsCsrfToken() throws Exception {
        WebClient office = WebClient.signedIn(port, "office", password);
        var me = new com.fasterxml.jackson.databind.ObjectMapper().readTree(office.get("/api/me").body());
        String request = "{\"pupilId\":\"TVJ-0006\",\"reason\":\"attendance\",\"announced\":true}";
        assertThat(office.postJson("/api/visits", request).statusCode()).as("no CSRF token").isEqualTo(403);
        var requested = office.postJson("/api/visits", request, me.get("csrfHeader").asText(), me.get("csrfToken").asText());
        assertThat(requested.statusCode()).isEqualTo(201);
        assertThat(requested.body()).as("Thames View 3.3: on the weekly list").contains("\"status\":\"AWAITING_LIST\"");
        assertThat(office.get("/request-visit").body()).contains("Request a home visit");
    }

    @Test
    void thePupilListShowsOnlyTheUsersOwnSchool() {
        assertThat(WebClient.basic(port, "bur-office", password).get("/api/pupils").body())
                .contains("BUR-0001").doesNotContain("TVJ-0001");
    }

    @Test
    void queriesCarryingExpressionsAreRefused() {
        var response = WebClient.basic(port, "admin", password)
                .postJson("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
    }
}
