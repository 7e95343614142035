package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The penalty-notice framework through the daily evaluation and the pipeline API: Penalty Park's local
 * authority sends notices to improve with a 3-week improvement period (src/test/resources/test-policies).
 */
@DoorstepTest
class PenaltyPipelineTest extends AbsenceScenarioSupport {

    private static final String PARK = "penalty-park";
    private static final String PATH = "/api/schools/" + PARK + "/penalties";

    @Autowired
    private AuditTrail audit;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void penaltyPark() {
        onboarding.onboard(TriggerTestSupport.testSchool(PARK, "PPK", 120), "test");
        for (String user : List.of("office", "dsl", "head")) {
            if (identityService.createTenantQuery().tenantId(PARK).userMember(user).count() == 0) {
                identityService.createTenantUserMembership(PARK, user);
            }
        }
        calendar.addTerm(PARK, "Summer 2026", LocalDate.of(2026, 4, 13), LocalDate.of(2026, 7, 22));
        calendar.addTerm(PARK, "Autumn 2026", LocalDate.of(2026, 9, 2), LocalDate.of(2026, 12, 18));
    }

    @Test
    void aNoticeToImproveForEachParentThenAPenaltyWhenThePeriodEndsWithoutImprovement() throws Exception {
        // Two parents with parental responsibility: each is dealt with on their own (Haringey's code of practice:
        // 2 parents, 1 child, 2 notices).
        String id = "PP" + Long.toString(System.nanoTime(), 36);
        Pupil pupil = new Pupil(id, PARK, "Test", "Pupil " + id, LocalDate.of(2016, 1, 1), "Year 5", "1 Test Street", null,
                "Testton", "ZZ9 9ZZ", false, false, null, null);
        String first = "Mother of " + id;
        String second = "Father of " + id;
        directory.addPupil(pupil, List.of(new Contact(id, first, "Mother", "07700 900997", null, true, 1),
                new Contact(id, second, "Father", "07700 900998", null, true, 2)));

        // 2 sessions of term-time holiday at the end of the summer term, 8 sessions unexplained in September:
        // the guidance's own example of a window across the summer and into a new school year.
        register(pupil, LocalDate.of(2026, 7, 21), LocalDate.of(2026, 7, 21), "G");
        register(pupil, LocalDate.of(2026, 9, 2), LocalDate.of(2026, 9, 11), "/");
        register(pupil, LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 17), "O");
        evaluate(pupil, LocalDate.of(2026, 9, 17));

        AbsenceCases.Action legal = cases.actions(openCase(pupil).reference()).stream()
                .filter(a -> a.action() == TriggerAction.CONSIDER_LEGAL_ACTION).findFirst().orElseThrow();
        assertThat(legal.reason()).contains("Notice to improve for " + first).contains("Notice to improve for " + second);

        List<JsonNode> pipeline = pipeline(pupil, "office");
        assertThat(pipeline).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.get("step").asText()).isEqualTo("NOTICE_TO_IMPROVE");
            assertThat(entry.get("stepLabel").asText()).isEqualTo("Notice to improve");
            assertThat(entry.get("status").asText()).isEqualTo("PENDING");
            assertThat(entry.get("marks")).hasSize(10);
            assertThat(entry.get("marks").get(0).get("date").asText()).isEqualTo("2026-07-21");
            assertThat(entry.get("codeOfConduct").asText()).contains("Rotherham");
        });

        // Absent again the next day: a parent with a step pending gets no second one.
        register(pupil, LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 18), "O");
        evaluate(pupil, LocalDate.of(2026, 9, 18));
        assertThat(pipeline(pupil, "office")).hasSize(2);

        long forFirst = id(pipeline, first);
        long forSecond = id(pipeline, second);
        TriggerTestSupport.clockAt(LocalDate.of(2026, 9, 21));
        assertThat(post("dsl", PATH + "/" + forFirst + "/issue", "{}").statusCode()).as("the DSL reads, never decides")
                .isEqualTo(403);
        HttpResponse<String> issued = post("office", PATH + "/" + forFirst + "/issue", "{\"note\":\"posted first class\"}");
        assertThat(issued.statusCode()).isEqualTo(200);
        JsonNode notice = json.readTree(issued.body());
        assertThat(notice.get("status").asText()).isEqualTo("ISSUED");
        assertThat(notice.get("improvementEndsOn").asText()).as("3 weeks from 21 September").isEqualTo("2026-10-12");
        assertThat(post("office", PATH + "/" + forFirst + "/issue", "{}").statusCode()).isEqualTo(409);
        assertThat(post("head", PATH + "/" + forSecond + "/waive", "{}").statusCode()).as("a waiver says why").isEqualTo(400);
        assertThat(post("head", PATH + "/" + forSecond + "/waive", "{\"reason\":\"parent lives abroad\"}").statusCode())
                .isEqualTo(200);
        assertThat(audit.events(Penalties.AUDIT_SUBJECT, String.valueOf(forFirst)))
                .extracting(AuditTrail.AuditEvent::action).containsExactly("PENALTY_RAISED", "PENALTY_ISSUED");
        assertThat(audit.events(Penalties.AUDIT_SUBJECT, String.valueOf(forSecond)))
                .extracting(AuditTrail.AuditEvent::action).containsExactly("PENALTY_RAISED", "PENALTY_WAIVED");

        // Unauthorised absence inside the improvement period (Wednesday 30 September), present otherwise.
        register(pupil, LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 29), "/");
        register(pupil, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 9, 30), "O");
        register(pupil, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 13), "/");
        // The day after the period ended, the child is in school, and still the end of the period is acted on.
        evaluate(pupil, LocalDate.of(2026, 10, 13));

        List<JsonNode> pending = pipeline(pupil, "head").stream().filter(e -> e.get("status").asText().equals("PENDING")).toList();
        JsonNode penalty = pending.stream().filter(e -> e.get("parent").asText().equals(first)).findFirst().orElseThrow();
        assertThat(penalty.get("step").asText()).isEqualTo("PENALTY_FIRST_RATE");
        assertThat(penalty.get("marks")).as("the notice's 10, the 2 of 18 September and the 2 in the period").hasSize(14);
        // The waived notice was withdrawn: its marks count again, and the second parent is sent a new notice.
        JsonNode again = pending.stream().filter(e -> e.get("parent").asText().equals(second)).findFirst().orElseThrow();
        assertThat(again.get("step").asText()).isEqualTo("NOTICE_TO_IMPROVE");
    }

    @Test
    void thePipelineIsForThisSchoolsOfficeHeadAndDslOnly() throws Exception {
        assertThat(call("office", PATH, r -> r.GET(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(call("visitor1", PATH, r -> r.GET(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(call("lyn-office", PATH, r -> r.GET(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("another school's office does not learn the school's pipeline exists").isEqualTo(404);
    }

    private List<JsonNode> pipeline(Pupil pupil, String user) throws Exception {
        HttpResponse<String> response = call(user, PATH, r -> r.GET(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return StreamSupport.stream(json.readTree(response.body()).spliterator(), false)
                .filter(entry -> entry.get("pupilId").asText().equals(pupil.id())).toList();
    }

    private static long id(List<JsonNode> pipeline, String parent) {
        return pipeline.stream().filter(e -> e.get("parent").asText().equals(parent)).findFirst().orElseThrow().get("id").asLong();
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return call(user, path, r -> r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)),
                HttpResponse.BodyHandlers.ofString());
    }
}
