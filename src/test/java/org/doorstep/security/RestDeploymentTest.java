package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.doorstep.DoorstepTest;
import org.doorstep.visit.HomeVisitProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only the packaged models run: a model deployed over HTTP could call any Spring bean and rewrite
 * the audit trail (probe S5), so even an administrator cannot deploy one unless it is switched on.
 */
@DoorstepTest
class RestDeploymentTest {

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="probe">
              <process id="probe" isExecutable="true"><startEvent id="start"/></process>
            </definitions>""";

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    RepositoryService repository;

    @Test
    void anAdministratorCannotDeployThroughTheRestApi() {
        long deployments = repository.createDeploymentQuery().count();
        var refused = WebClient.basic(port, "admin", password).post("/engine-rest/deployment/create",
                "multipart/form-data; boundary=probe", multipart());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":403").contains(RestDeploymentGuard.SWITCH + "=true");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void norThroughTheWebappsEngineApiThatCockpitAndTheModelerUse() {
        var refused = CamundaWebapp.signedInWithToken(port, "admin", password).post(
                "/camunda/api/engine/engine/default/deployment/create", "multipart/form-data; boundary=probe", multipart());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains(RestDeploymentGuard.SWITCH);
        var redeploy = WebClient.basic(port, "admin", password).postJson("/engine-rest/deployment/"
                + repository.createDeploymentQuery().list().get(0).getId() + "/redeploy", "{}");
        assertThat(redeploy.statusCode()).isEqualTo(403);
    }

    @Test
    void noSpellingOfThePathStepsRoundTheGuard() {
        long deployments = repository.createDeploymentQuery().count();
        for (String path : new String[] {"/engine-rest/deployment/create;probe", "/engine-rest/deployment/creat%65",
                "/engine-rest/deployment//create", "/engine-rest/./deployment/create"}) {
            var refused = WebClient.basic(port, "admin", password).post(path, "multipart/form-data; boundary=probe", multipart());
            assertThat(refused.statusCode()).as(path).isBetween(400, 499);
        }
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("probe").count()).isZero();
    }

    @Test
    void thePackagedModelsAreDeployedAtStartUp() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(HomeVisitProcess.KEY).count()).isPositive();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("probe").count()).isZero();
    }

    private static String multipart() {
        return """
                --probe\r
                Content-Disposition: form-data; name="deployment-name"\r
                \r
                probe\r
                --probe\r
                Content-Disposition: form-data; name="probe.bpmn"; filename="probe.bpmn"\r
                Content-Type: application/xml\r
                \r
                %s\r
                --probe--\r
                """.formatted(MODEL);
    }
}
