package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.register.RegisterDutyProcess;
import org.doorstep.safety.StaffSafetyProcess;
import org.doorstep.trigger.AbsenceCaseProcess;
import org.doorstep.trigger.TriggerTestSupport;
import org.doorstep.trigger.VisitLists;
import org.doorstep.trigger.WeeklyVisitListProcess;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.visit.VisitScenarios;
import org.doorstep.workflow.SchoolTenancy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Processes start only where they should: home visits, watches, absence cases and visit lists
 * start through Doorstep's own services and the processes themselves, never through the REST API or
 * Tasklist, and never in another school.
 */
@DoorstepTest
class ProcessStartTest extends VisitScenarios {

    private static final List<String> TWO_SCHOOLS = List.of("thames-view-junior", "lynnfield-primary");

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VisitLists visitLists;

    @Autowired
    IdentityService identityService;

    @Test
    void noSchoolRoleStartsAnyProcessThroughTheRestApiForItsOwnSchoolOrAnother() {
        List<ProcessDefinition> definitions = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        assertThat(definitions).extracting(ProcessDefinition::getKey).contains(HomeVisitProcess.KEY, StaffSafetyProcess.KEY);
        Footprint before = footprint();
        List<String> allowed = new ArrayList<>();
        for (String school : TWO_SCHOOLS) {
            for (String role : Roles.TASKLIST_GROUPS) {
                String user = engine.getIdentityService().createUserQuery().memberOfGroup(role).memberOfTenant(school).list()
                        .get(0).getId();
                WebClient client = WebClient.basic(port, user, password);
                for (ProcessDefinition definition : definitions) {
                    for (String target : TWO_SCHOOLS) {
                        String body = """
                                {"businessKey":"FORGED-1","variables":{"%s":{"value":"%s","type":"String"},
                                 "%s":{"value":"FORGED-1","type":"String"}}}"""
                                .formatted(SchoolTenancy.SCHOOL_ID.name(), target, HomeVisitProcess.Variables.VISIT_REFERENCE.name());
                        int start = client.postJson("/engine-rest/process-definition/key/" + definition.getKey() + "/start", body)
                                .statusCode();
                        int startForm = client.postJson("/engine-rest/process-definition/" + definition.getId() + "/submit-form", body)
                                .statusCode();
                        if (start != 403 || startForm != 403) {
                            allowed.add(user + " " + definition.getKey() + " in " + target + ": " + start + "/" + startForm);
                        }
                    }
                }
            }
        }
        assertThat(allowed).as("starts not refused with 403").isEmpty();
        assertThat(footprint()).as("no instance, task or audit row appeared").isEqualTo(before);
    }

    @Test
    void tasklistOffersSchoolRolesNoProcessToStart() {
        String startable = "/camunda/api/engine/engine/default/process-definition"
                + "?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true";
        assertThat(WebClient.signedIn(port, "visitor1", password).get(startable).body()).isEqualTo("[]");
        assertThat(WebClient.signedIn(port, "lyn-head", password).get(startable).body()).isEqualTo("[]");
        // Not even an administrator, who may start anything: every model starts through Doorstep.
        assertThat(WebClient.signedIn(port, "admin", password).get(startable).body())
                .doesNotContain(HomeVisitProcess.KEY, StaffSafetyProcess.KEY, AbsenceCaseProcess.KEY,
                        WeeklyVisitListProcess.KEY, RegisterDutyProcess.KEY);
    }

    @Test
    void evenWithStartRightsGrantedInAdminAUserStartsNothingOutsideTheirOwnSchool() {
        List<String> grants = List.of(
                AdminGrants.grant(authorizationService, Roles.VISITING_STAFF, Resources.PROCESS_DEFINITION,
                        StaffSafetyProcess.KEY, Permissions.CREATE_INSTANCE),
                AdminGrants.grant(authorizationService, Roles.VISITING_STAFF, Resources.PROCESS_INSTANCE, Authorization.ANY,
                        Permissions.CREATE));
        try {
            Footprint before = footprint();
            WebClient visitor = WebClient.basic(port, "visitor1", password);
            var otherSchool = visitor.postJson("/engine-rest/process-definition/key/" + StaffSafetyProcess.KEY + "/start",
                    "{\"businessKey\":\"HV-LYN-00004\",\"variables\":{\"" + SchoolTenancy.SCHOOL_ID.name()
                            + "\":{\"value\":\"lynnfield-primary\",\"type\":\"String\"}}}");
            assertThat(otherSchool.statusCode()).isEqualTo(403);
            assertThat(otherSchool.body()).contains("school 'lynnfield-primary'").contains("only for their own schools");
            var noSchool = visitor.postJson("/engine-rest/process-definition/key/" + StaffSafetyProcess.KEY + "/start",
                    "{\"businessKey\":\"HV-LYN-00004\"}");
            assertThat(noSchool.statusCode()).isEqualTo(403);
            assertThat(noSchool.body()).contains("for no school");
            assertThat(footprint()).isEqualTo(before);
        } finally {
            grants.forEach(authorizationService::deleteAuthorization);
        }
    }

    @Test
    void doorstepStillStartsVisitsForStaffAndWatchesWhenTheOfficeSignsThemOut() {
        // A reason no other test asks for as visitor1, so the 30-second repeat guard cannot refuse it.
        var requested = WebClient.basic(port, "visitor1", password).postJson("/api/visits",
                "{\"pupilId\":\"TVJ-0001\",\"reason\":\"phased-return\",\"announced\":true}");
        assertThat(requested.statusCode()).isEqualTo(201);
        String reference = requested.headers().firstValue("Location").orElseThrow().replace("/api/visits/", "");
        // Thames View 3.3: it starts once the headteacher signs the weekly list.
        TriggerTestSupport.signTodaysVisitList(visitLists, taskService, identityService, "thames-view-junior", "head");
        ProcessInstance visit = runtimeService.createProcessInstanceQuery().processDefinitionKey(HomeVisitProcess.KEY)
                .processInstanceBusinessKey(reference).singleResult();
        assertThat(visit.getTenantId()).isEqualTo("thames-view-junior");

        completeAs("head", visit, HomeVisitProcess.Elements.AUTHORISE,
                answers().with(HomeVisitProcess.Variables.AUTHORISATION_DECISION, "approved"));
        completeAs("office", visit, HomeVisitProcess.Elements.ASSESS_RISK, noHazards());
        completeAs("visitor1", visit, HomeVisitProcess.Elements.PLAN, ordinaryPlan());
        String signOut = task(visit, HomeVisitProcess.Elements.SIGN_OUT).getId();
        var signedOut = WebClient.basic(port, "office", password).postJson("/engine-rest/task/" + signOut + "/complete",
                "{\"variables\":{\"" + HomeVisitProcess.Variables.SIGN_OUT_CONFIRMED.name() + "\":{\"value\":true,\"type\":\"Boolean\"}}}");
        assertThat(signedOut.statusCode()).isEqualTo(204);
        ProcessInstance watch = runtimeService.createProcessInstanceQuery().processDefinitionKey(StaffSafetyProcess.KEY)
                .processInstanceBusinessKey(visit.getBusinessKey()).singleResult();
        assertThat(watch).as("the watch the office's sign-out started").isNotNull();
        assertThat(watch.getTenantId()).isEqualTo("thames-view-junior");
    }

    private Footprint footprint() {
        return new Footprint(historyService.createHistoricProcessInstanceQuery().count(),
                historyService.createHistoricTaskInstanceQuery().count(),
                jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single());
    }

    private record Footprint(long processInstances, long tasks, long auditRows) {
    }
}
