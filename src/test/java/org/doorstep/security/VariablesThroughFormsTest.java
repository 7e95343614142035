package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.AUTHORISATION_DECISION;
import static org.doorstep.visit.HomeVisitProcess.Variables.RISK_LEVEL;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.visit.HomeVisitProcess.Elements;
import org.doorstep.visit.VisitScenarios;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Variables change only through their forms: a candidate completes their own task with its form's
 * fields, and can neither set nor delete any other variable of the visit, whichever door they try.
 */
@DoorstepTest
class VariablesThroughFormsTest extends VisitScenarios {

    /**
     * A policy setting a candidate would like to change: the visit keeps it on its row (VisitRules), and a
     * forged variable of its name is refused all the same.
     */
    private static final String AUTHORISER_GROUP = "authoriserGroup";

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    AuthorizationService authorizationService;

    @Test
    void aCandidateCannotRewriteTheVisitsVariablesThroughTheirOwnTask() {
        ProcessInstance visit = request();
        authorise(visit);
        assessRisk(visit, noHazards());
        String planTask = task(visit, Elements.PLAN).getId();
        String riskLevel = variable(visit, RISK_LEVEL);
        WebClient visitor = WebClient.basic(port, "visitor1", password);
        assertThat(visitor.get("/engine-rest/task/" + planTask).statusCode()).as("visitor1's own task").isEqualTo(200);

        String rewrite = """
                {"modifications":{"%s":{"value":"visiting-staff","type":"String"},
                                  "%s":{"value":"low","type":"String"}}}""".formatted(AUTHORISER_GROUP, RISK_LEVEL.name());
        assertThat(visitor.postJson("/engine-rest/task/" + planTask + "/variables", rewrite).statusCode()).isEqualTo(403);
        assertThat(visitor.postJson("/engine-rest/task/" + planTask + "/localVariables", rewrite).statusCode()).isEqualTo(403);
        assertThat(visitor.postJson("/engine-rest/process-instance/" + visit.getId() + "/variables", rewrite).statusCode())
                .isEqualTo(403);
        assertThat(visitor.postJson("/engine-rest/task/" + planTask + "/variables", "{\"deletions\":[\"" + RISK_LEVEL.name() + "\"]}")
                .statusCode()).isEqualTo(403);

        assertThat(rules(visit).authoriserGroup()).isEqualTo("headteacher");
        assertThat(runtimeService.getVariable(visit.getId(), AUTHORISER_GROUP)).isNull();
        assertThat(variable(visit, RISK_LEVEL)).isEqualTo(riskLevel).isNotNull();
        assertThat(visitor.postJson("/engine-rest/task/" + planTask + "/claim", "{\"userId\":\"visitor1\"}").statusCode())
                .as("but still claims it, as Tasklist does").isEqualTo(204);
    }

    @Test
    void staffCheckInThroughDoorstepNotByCorrelatingMessagesThroughTheRestApi() {
        ProcessInstance visit = request();
        authorise(visit);
        assessRisk(visit, noHazards());
        plan(visit);
        signOut(visit);
        String arrived = "{\"messageName\":\"" + HomeVisitProcess.Messages.STAFF_ARRIVED + "\",\"businessKey\":\""
                + visit.getBusinessKey() + "\",\"all\":true}";
        for (String user : List.of("visitor1", "office", "leader")) {
            assertThat(WebClient.basic(port, user, password).postJson("/engine-rest/message", arrived).statusCode())
                    .as(user).isEqualTo(403);
        }
        assertThat(visit).isWaitingAt(Elements.GATEWAY_ON_THE_WAY);
    }

    @Test
    void completingWithAVariableThatIsNotOnTheFormIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance visit = request();
        String authorise = task(visit, Elements.AUTHORISE).getId();
        String forged = """
                {"variables":{"%s":{"value":"approved","type":"String"},
                              "%s":{"value":"visiting-staff","type":"String"}}}"""
                .formatted(AUTHORISATION_DECISION.name(), AUTHORISER_GROUP);

        var overRest = WebClient.basic(port, "head", password).postJson("/engine-rest/task/" + authorise + "/complete", forged);
        assertThat(overRest.statusCode()).isEqualTo(400);
        assertThat(overRest.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(overRest.body()).contains("\"variables\":[\"" + AUTHORISER_GROUP + "\"]")
                .doesNotContain("\"" + AUTHORISATION_DECISION.name() + "\"");

        var byEngineName = WebClient.basic(port, "head", password)
                .postJson("/engine-rest/engine/default/task/" + authorise + "/complete", forged);
        assertThat(byEngineName.statusCode()).as("the same API under the engine's name").isEqualTo(400);
        assertThat(byEngineName.body()).contains(AUTHORISER_GROUP);

        var overTasklist = tasklist("head").post("/camunda/api/engine/engine/default/task/" + authorise + "/submit-form", forged);
        assertThat(overTasklist.statusCode()).isEqualTo(400);
        assertThat(overTasklist.body()).contains(AUTHORISER_GROUP);

        assertThat(visit).isWaitingAt(Elements.AUTHORISE);
        assertThat(taskService.createTaskQuery().taskId(authorise).count()).isOne();
        assertThat(rules(visit).authoriserGroup()).isEqualTo("headteacher");
        assertThat(runtimeService.getVariable(visit.getId(), AUTHORISER_GROUP)).isNull();
    }

    @Test
    void aTasklistSubmissionOfTheFormsOwnFieldsCompletesTheTask() {
        ProcessInstance visit = request();
        String authorise = task(visit, Elements.AUTHORISE).getId();
        var submitted = tasklist("head").post("/camunda/api/engine/engine/default/task/" + authorise + "/submit-form",
                "{\"variables\":{\"" + AUTHORISATION_DECISION.name() + "\":{\"value\":\"approved\",\"type\":\"String\"}}}");
        assertThat(submitted.statusCode()).isEqualTo(204);
        assertThat(visit).hasPassed(Elements.AUTHORISE);
    }

    @Test
    void noSchoolRoleHoldsAPermissionToStartProcessesOrChangeTheirVariables() {
        List<String> found = new ArrayList<>();
        found.addAll(holders(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE));
        found.addAll(holders(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.CREATE, ProcessInstancePermissions.UPDATE,
                ProcessInstancePermissions.UPDATE_VARIABLE));
        found.addAll(holders(Resources.TASK, TaskPermissions.UPDATE, TaskPermissions.UPDATE_VARIABLE));
        assertThat(found).isEmpty();
        request();
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).groupIdIn(Roles.HEADTEACHER)
                .hasPermission(TaskPermissions.TASK_WORK).count()).as("candidates work on their tasks").isPositive();
    }

    /** Grants of the permissions to anyone but administrators. */
    private List<String> holders(Resource resource, Permission... permissions) {
        List<String> holders = new ArrayList<>();
        for (Permission permission : permissions) {
            for (Authorization grant : authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                    .resourceType(resource).hasPermission(permission).list()) {
                if (!Roles.CAMUNDA_ADMIN.equals(grant.getGroupId())) {
                    holders.add((grant.getGroupId() != null ? grant.getGroupId() : grant.getUserId()) + " "
                            + permission.getName() + " on " + resource.resourceName() + " " + grant.getResourceId());
                }
            }
        }
        return holders;
    }

    /** Signed in to Tasklist as the user, with the CSRF token Camunda's webapps hand out on opening it. */
    private TasklistSession tasklist(String user) {
        WebClient client = WebClient.signedIn(port, user, password);
        var opened = client.get("/camunda/app/tasklist/default/");
        assertThat(opened.statusCode()).isEqualTo(200);
        String token = opened.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> opened.headers().allValues("Set-Cookie")
                .stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .replaceAll("^XSRF-TOKEN=([^;]*).*", "$1"));
        return new TasklistSession(client, token);
    }

    private record TasklistSession(WebClient client, String xsrfToken) {

        java.net.http.HttpResponse<String> post(String path, String json) {
            return client.postJson(path, json, "X-XSRF-TOKEN", xsrfToken);
        }
    }
}
