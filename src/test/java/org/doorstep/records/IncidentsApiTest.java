package org.doorstep.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.DoorstepTest;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Burgh 11: "All incidents/near-misses must be recorded and reviewed". Anyone on a visit (or the office)
 * records one through the API the pages use; the headteacher, senior leaders and DSL list their own
 * schools' only and mark each reviewed, with who and when; every change is audited.
 */
@DoorstepTest
class IncidentsApiTest {

    static final String BURGH = "burgh-lincolnshire";
    static final Instant NOW = Instant.parse("2026-11-23T11:00:00Z");

    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;

    final ObjectMapper json = new ObjectMapper();
    String visit;

    @BeforeEach
    void aBurghVisit() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        visit = "HV-INC-" + System.nanoTime() % 1_000_000;
        jdbc.sql("INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at) "
                + "VALUES (?, ?, 'BUR-0002', 'attendance', 'IN_PROGRESS', 'bur-visitor1', ?)")
                .params(visit, BURGH, Timestamp.from(NOW)).update();
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void burgh11_aNearMissRecordedOnAVisitIsListedForTheSchoolsLeadersAndReviewedOnce() throws Exception {
        HttpResponse<String> recorded = as("bur-visitor1").postJson("/api/incidents", "{\"kind\":\"NEAR_MISS\","
                + "\"visitReference\":\"" + visit + "\",\"whatHappened\":\"Loose dog ran at us in the front garden.\","
                + "\"occurredAt\":\"2026-11-23T10:40:00Z\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        JsonNode incident = json.readTree(recorded.body());
        long id = incident.get("id").asLong();
        assertThat(incident.get("kindLabel").asText()).isEqualTo("Near miss");
        assertThat(incident.get("schoolId").asText()).isEqualTo(BURGH);
        assertThat(incident.get("occurredAt").asText()).isEqualTo("2026-11-23T10:40:00Z");
        assertThat(incident.get("recordedBy").asText()).isEqualTo("bur-visitor1");
        assertThat(incident.hasNonNull("reviewedAt")).as("still to review").isFalse();

        // The school's headteacher, DSL and senior leaders (the local-authority officer covers Burgh) list it.
        for (String leader : List.of("bur-head", "bur-dsl", "la-officer")) {
            assertThat(ids(as(leader).get("/api/incidents"))).as(leader).contains(id);
        }
        // Another school's headteacher does not see it, nor can mark it; visiting staff do not list at all.
        assertThat(ids(as("head").get("/api/incidents"))).doesNotContain(id);
        assertThat(as("head").postJson("/api/incidents/" + id + "/review", "").statusCode()).isEqualTo(404);
        assertThat(as("bur-visitor1").get("/api/incidents").statusCode()).isEqualTo(403);
        assertThat(as("bur-visitor1").postJson("/api/incidents/" + id + "/review", "").statusCode()).isEqualTo(403);

        ClockUtil.setCurrentTime(Date.from(NOW.plusSeconds(3600)));
        HttpResponse<String> reviewed = as("bur-head").postJson("/api/incidents/" + id + "/review", "");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
        JsonNode after = json.readTree(reviewed.body());
        assertThat(after.get("reviewedBy").asText()).isEqualTo("bur-head");
        assertThat(after.get("reviewedAt").asText()).isEqualTo("2026-11-23T12:00:00Z");
        HttpResponse<String> again = as("bur-dsl").postJson("/api/incidents/" + id + "/review", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("detail").asText()).contains("already reviewed by bur-head");

        assertThat(audit.events("incident", String.valueOf(id))).extracting(AuditTrail.AuditEvent::action)
                .containsExactly("INCIDENT_RECORDED", "INCIDENT_REVIEWED");
    }

    @Test
    void burgh11_theOfficeRecordsOneWithoutAVisitAndBadInputIsA400NamingTheField() throws Exception {
        HttpResponse<String> office = as("bur-office").postJson("/api/incidents",
                "{\"kind\":\"incident\",\"whatHappened\":\"Visitor reported a verbal threat by phone after the visit.\"}");
        assertThat(office.statusCode()).as(office.body()).isEqualTo(201);
        assertThat(json.readTree(office.body()).get("schoolId").asText()).isEqualTo(BURGH);

        assertBadField(as("bur-visitor1").postJson("/api/incidents", "{\"kind\":\"ACCIDENT\",\"whatHappened\":\"Tripped on the step.\"}"), "kind");
        assertBadField(as("bur-visitor1").postJson("/api/incidents", "{\"kind\":\"INCIDENT\",\"whatHappened\":\"no\"}"), "whatHappened");
        assertBadField(as("bur-visitor1").postJson("/api/incidents", "{\"kind\":\"INCIDENT\",\"whatHappened\":\"Tripped on the step.\","
                + "\"occurredAt\":\"yesterday\"}"), "occurredAt");
        assertBadField(as("bur-visitor1").postJson("/api/incidents", "{\"kind\":\"INCIDENT\",\"whatHappened\":\"Tripped on the step.\","
                + "\"occurredAt\":\"2026-11-24T10:00:00Z\"}"), "occurredAt");
        // The local-authority officer works for two schools: the visit must say which.
        assertBadField(as("la-officer").postJson("/api/incidents", "{\"kind\":\"INCIDENT\",\"whatHappened\":\"Tripped on the step.\"}"),
                "visitReference");
        // Another school's visit is not found, so nothing is written for it.
        assertThat(as("visitor1").postJson("/api/incidents", "{\"kind\":\"INCIDENT\",\"visitReference\":\"" + visit
                + "\",\"whatHappened\":\"Tripped on the step.\"}").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE visit_reference = ?").param(visit).query(Long.class).single()).isZero();

        HttpResponse<String> kinds = as("bur-visitor1").get("/api/incidents/kinds");
        assertThat(kinds.body()).contains("\"value\":\"INCIDENT\"", "\"label\":\"Near miss\"");
    }

    private void assertBadField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private List<Long> ids(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json.readTree(response.body()).forEach(incident -> ids.add(incident.get("id").asLong()));
        return ids;
    }

    private WebClient as(String user) {
        return WebClient.basic(port, user, password);
    }
}
