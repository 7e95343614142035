package org.doorstep.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.security.WebClient;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input anywhere in Doorstep's API is a 4xx problem detail (title, status, detail) that says what was
 * wrong in a few words, never a 500 and never the input echoed whole; engine-rest keeps Camunda's shape
 * but answers another school's task with 404 and a refused form with 400.
 */
@DoorstepTest
class ApiErrorsTest {

    static final String MEGABYTE = "x".repeat(1 << 20);

    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;
    @Autowired
    VisitService visits;
    @Autowired
    TaskService tasks;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aVisitRequestWithoutAReasonIsRefusedNamingTheField() throws Exception {
        JsonNode problem = problem(office().postJson("/api/visits", "{\"pupilId\":\"TVJ-0003\"}"), 400);
        assertThat(problem.get("field").asText()).isEqualTo("reason");
        assertThat(problem.get("detail").asText()).startsWith("reason is required").contains("attendance");
    }

    @Test
    void aMegabyteInputIsRefusedWithAShortMessageQuotingOnlyItsStart() throws Exception {
        for (String body : new String[] {
                "{\"pupilId\":\"TVJ-0003\",\"reason\":\"" + MEGABYTE + "\"}",
                "{\"pupilId\":\"" + MEGABYTE + "\",\"reason\":\"attendance\"}"}) {
            HttpResponse<String> response = office().postJson("/api/visits", body);
            JsonNode problem = problem(response, 400);
            assertThat(response.body().length()).isLessThan(1_000);
            assertThat(problem.get("detail").asText()).contains("x".repeat(Problems.QUOTE_LIMIT) + "…")
                    .doesNotContain("x".repeat(Problems.QUOTE_LIMIT + 1));
        }
        HttpResponse<String> checkIn = office().postJson("/api/visits/HV-NONE-00001/check-ins", "{\"type\":\"" + MEGABYTE + "\"}");
        assertThat(checkIn.statusCode()).isBetween(400, 404);
        assertThat(checkIn.body().length()).isLessThan(1_000);
    }

    @Test
    void malformedJsonAndAWrongTypeAreRefusedSayingWhich() throws Exception {
        assertThat(problem(office().postJson("/api/visits", "{\"pupilId\": "), 400).get("detail").asText())
                .isEqualTo("The request body is not valid JSON");
        JsonNode wrongType = problem(office().postJson("/api/visits",
                "{\"pupilId\":\"TVJ-0003\",\"reason\":\"attendance\",\"announced\":\"maybe\"}"), 400);
        assertThat(wrongType.get("field").asText()).isEqualTo("announced");
        assertThat(wrongType.get("detail").asText()).isEqualTo("Field 'announced' must be true or false");
    }

    @Test
    void theFormerlyDifferentShapesAreNowProblemDetails() throws Exception {
        JsonNode register = problem(office().post("/api/attendance", "text/csv", "no header\n"), 400);
        assertThat(register.get("detail").asText()).startsWith("The first line must be the header");
        JsonNode checkIn = problem(office().postJson("/api/visits/HV-NONE-00001/check-ins", "{\"type\":\"OK\"}"), 404);
        assertThat(checkIn.get("code").asText()).isEqualTo("UNKNOWN_VISIT");
        JsonNode otherSchool = problem(office().postJson("/api/visits", "{\"pupilId\":\"LYN-0001\",\"reason\":\"attendance\"}"), 404);
        assertThat(otherSchool.get("detail").asText()).isEqualTo("No pupil LYN-0001 in your schools");
        JsonNode wrongParameter = problem(office().post("/api/attendance/evaluation?date=" + "9".repeat(500), "text/plain", ""), 400);
        assertThat(wrongParameter.get("detail").asText()).startsWith("'date' must be a localdate, not '999").endsWith("…'");
        JsonNode notTheirs = problem(office().get("/api/absence-cases/AC-1/referrals"), 403);
        assertThat(notTheirs.get("detail").asText()).isEqualTo("Your role does not allow this");
    }

    @Test
    void anotherSchoolsTaskThroughEngineRestIsNotFoundAndARefusedFormIsABadRequest() throws Exception {
        String visit = visits.requestVisit("TVJ-0005", "attendance", "office").getBusinessKey();
        Task authorise = tasks.createTaskQuery().processInstanceBusinessKey(visit).singleResult();

        HttpResponse<String> otherSchool = WebClient.basic(port, "lyn-head", password)
                .get("/engine-rest/task/" + authorise.getId() + "/variables");
        assertThat(otherSchool.statusCode()).as(otherSchool.body()).isEqualTo(404);
        assertThat(otherSchool.body()).doesNotContain("thames").doesNotContain("ENGINE-");

        HttpResponse<String> incomplete = WebClient.basic(port, "head", password)
                .postJson("/engine-rest/task/" + authorise.getId() + "/complete", "{\"variables\":{}}");
        assertThat(incomplete.statusCode()).as(incomplete.body()).isEqualTo(400);
        assertThat(json.readTree(incomplete.body()).get("message").asText()).contains("authorisationDecision").contains("required");
        assertThat(tasks.createTaskQuery().taskId(authorise.getId()).count()).as("task still open").isEqualTo(1);
    }

    private WebClient office() {
        return WebClient.basic(port, "office", password);
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }
}
