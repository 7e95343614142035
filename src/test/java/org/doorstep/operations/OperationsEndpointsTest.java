package org.doorstep.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.doorstep.DoorstepTest;
import org.doorstep.security.WebClient;
import org.doorstep.trigger.AttendanceImport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What operators and their tools see: health and readiness for anyone (without details), metrics and the
 * API description for administrators only.
 */
@DoorstepTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;
    @Autowired
    AttendanceImport attendanceImport;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void healthLivenessAndReadinessAreUpForAnyoneWithoutDetails() throws Exception {
        WebClient anonymous = WebClient.anonymous(port);
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = anonymous.get(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("UP");
            assertThat(health.body()).as(path).doesNotContain("components").doesNotContain("H2").doesNotContain("jobExecutor");
        }
    }

    @Test
    void administratorsSeeWhatReadinessIsMadeOf() throws Exception {
        JsonNode readiness = json.readTree(WebClient.basic(port, "admin", password).get("/actuator/health/readiness").body());
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(readiness.get("components").has("db")).isTrue();
        assertThat(readiness.get("components").has("readinessState")).isTrue();
        assertThat(readiness.get("components").get("processEngine").get("status").asText()).isEqualTo("UP");
        // The tests run without a job executor, so Camunda's jobExecutor indicator is absent here.
        assertThat(readiness.get("components").has("jobExecutor")).isFalse();
    }

    @Test
    void prometheusMetricsAreForAdministratorsAndCarryDoorstepsGauges() throws Exception {
        attendanceImport.importCsv(new StringReader(AttendanceImport.HEADER + "\nNOBODY-9,2026-11-23,AM,/\n"), "test", "office");

        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("office").statusCode()).isEqualTo(403);
        assertThat(WebClient.basic(port, "head", password).get("/actuator/metrics").statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = scrape("admin");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("doorstep_safety_overdue_steps_open")
                .contains("doorstep_jobs_due")
                .contains("doorstep_jobs_late")
                .containsPattern("doorstep_attendance_import_rows_total\\{[^}]*outcome=\"rejected\"[^}]*\\} [1-9]");
    }

    /** As Prometheus scrapes: asking for its text format. */
    private HttpResponse<String> scrape(String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Accept", "text/plain;version=0.0.4");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiDescriptionIsForAdministratorsAndCoversOnlyDoorstepsApi() throws Exception {
        assertThat(WebClient.anonymous(port).get("/v3/api-docs").statusCode()).isEqualTo(401);
        assertThat(WebClient.basic(port, "office", password).get("/v3/api-docs").statusCode()).isEqualTo(403);
        assertThat(WebClient.basic(port, "office", password).get("/swagger-ui.html").statusCode()).isEqualTo(403);
        HttpResponse<String> docs = WebClient.basic(port, "admin", password).get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/visits")).isTrue();
        assertThat(paths.has("/api/attendance")).isTrue();
        paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
        assertThat(WebClient.basic(port, "admin", password).get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }
}
