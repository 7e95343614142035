package org.doorstep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.WebClient;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What school staff meet in Camunda Tasklist: cards that say whose work they are, no process to
 * start by hand, no standalone task to create, no vendor banner, dates the British way.
 */
@DoorstepTest
class TasklistTest {

    /** The demo's school staff, one per role, and its administrator. */
    private static final List<String> SCHOOL_USERS = List.of("head", "dsl", "office", "visitor1", "leader");

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    VisitService visits;

    @Autowired
    SchoolDirectory directory;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Test
    void aVisitsCardNamesThePupilAndTheVisitSoTheHeadTellsHerAuthorisationsApart() {
        ProcessInstance amy = visits.requestVisit("TVJ-0001", "attendance", "office");
        ProcessInstance other = visits.requestVisit("TVJ-0002", "attendance", "office");

        BpmnAwareTests.assertThat(amy).isWaitingAt(HomeVisitProcess.Elements.AUTHORISE);
        String pupil = directory.requirePupil("TVJ-0001").fullName();
        BpmnAwareTests.assertThat(task(amy)).hasName("Authorise the visit: " + pupil + " (" + amy.getBusinessKey() + ")");
        assertThat(task(other).getName()).startsWith("Authorise the visit: ")
                .contains(directory.requirePupil("TVJ-0002").fullName()).isNotEqualTo(task(amy).getName());
    }

    @Test
    void noProcessIsOfferedUnderStartProcessBecauseEachStartsThroughDoorstep() {
        List<ProcessDefinition> latest = repositoryService.createProcessDefinitionQuery().latestVersion().list();
        assertThat(latest).extracting(ProcessDefinition::getKey)
                .contains(HomeVisitProcess.KEY, "absence-case", "staff-safety", "weekly-visit-list");
        assertThat(latest).allSatisfy(definition ->
                assertThat(definition.isStartableInTasklist()).as(definition.getKey()).isFalse());
        // What Tasklist's "Start process" asks for: nothing, even for an administrator, who may start anything.
        assertThat(WebClient.signedIn(port, "admin", password).get("/camunda/api/engine/engine/default/process-definition"
                + "?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true").body()).isEqualTo("[]");
    }

    @Test
    void schoolStaffMayNotCreateAStandaloneTaskOnlyAdministratorsMay() {
        for (String user : SCHOOL_USERS) {
            List<String> groups = groupsOf(user);
            assertThat(authorizationService.isUserAuthorized(user, groups, Permissions.CREATE, Resources.TASK))
                    .as(user + " " + groups).isFalse();
            identityService.setAuthentication(user, groups);
            try {
                assertThatThrownBy(() -> taskService.saveTask(taskService.newTask()))
                        .as(user).isInstanceOf(AuthorizationException.class);
            } finally {
                identityService.clearAuthentication();
            }
        }
        assertThat(authorizationService.isUserAuthorized("admin", groupsOf("admin"), Permissions.CREATE, Resources.TASK)).isTrue();
    }

    @Test
    void tasklistAsksTheEngineWhetherToOfferCreateTask() {
        String check = "/camunda/api/engine/engine/default/authorization/check"
                + "?permissionName=CREATE&resourceName=Task&resourceType=" + Resources.TASK.resourceType();
        assertThat(WebClient.signedIn(port, "head", password).get(check).body()).contains("\"authorized\":false");
        assertThat(WebClient.signedIn(port, "admin", password).get(check).body()).contains("\"authorized\":true");

        WebClient head = WebClient.signedIn(port, "head", password);
        HttpResponse<String> config = head.get("/camunda/app/tasklist/scripts/config.js");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("customScripts: ['scripts/create-task-for-administrators', '../doorstep/sign-in']");
        assertThat(head.get("/camunda/app/tasklist/scripts/create-task-for-administrators.js").body())
                .contains("authorization/check?permissionName=CREATE").contains("doorstep-may-create-tasks");
        assertThat(head.get("/camunda/app/tasklist/styles/user-styles.css").body())
                .contains("body:not(.doorstep-may-create-tasks) [cam-widget-header] li.create-task-action { display: none; }");
    }

    @Test
    void theMigrateToCamunda8BannerIsHiddenInEveryWebapp() {
        WebClient admin = WebClient.signedIn(port, "admin", password);
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            HttpResponse<String> styles = admin.get("/camunda/app/" + app + "/styles/user-styles.css");
            assertThat(styles.statusCode()).as(app).isEqualTo(200);
            assertThat(styles.body()).as(app).contains(".ce-eol-banner { display: none; }");
        }
    }

    @Test
    void tasklistShowsDatesTheBritishWay() {
        String config = WebClient.signedIn(port, "office", password).get("/camunda/app/tasklist/scripts/config.js").body();
        assertThat(config).contains("normal: 'ddd D MMM YYYY, HH:mm'").contains("long: 'dddd D MMMM YYYY, HH:mm'")
                .doesNotContain("LLL");
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
}
