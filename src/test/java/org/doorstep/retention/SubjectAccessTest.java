package org.doorstep.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.doorstep.DoorstepTest;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A subject access request: the data protection officer gets everything Doorstep holds about the
 * pupil (safeguarding notes included, for them to redact) and nothing about anyone else's child.
 */
@DoorstepTest
class SubjectAccessTest {

    @Autowired
    private AuditTrail audit;
    @Autowired
    private SchoolDirectory directory;
    @Autowired
    private SchoolOnboarding onboarding;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private JdbcClient jdbc;
    @LocalServerPort
    private int port;
    @Value("${doorstep.demo.password}")
    private String password;

    private RetentionTestSchool school;

    @BeforeEach
    void openSchool() {
        school = new RetentionTestSchool(onboarding, directory, engine, jdbc);
        school.open();
    }

    @Test
    void theExportHoldsThePupilsRecordsIncludingSafeguardingNotesAndNothingOfAnotherPupil() throws Exception {
        Pupil pupil = school.pupil("Subject", LocalDate.of(2016, 4, 1), null);
        String visit = school.visit(pupil, Instant.parse("2026-11-10T15:00:00Z"));
        school.note(visit, "SAFEGUARDING", "Mark on the arm; DSL informed.");
        school.note(visit, "OUTCOME", "Seen at the door, well.");
        String absenceCase = school.closedCaseWithReferral(pupil, LocalDate.of(2026, 11, 12));
        school.mark(pupil, LocalDate.of(2026, 11, 2), "AM", "N");
        Pupil sibling = school.pupil("Neighbour", LocalDate.of(2016, 5, 1), null);
        String otherVisit = school.visit(sibling, Instant.parse("2026-11-11T15:00:00Z"));
        school.note(otherVisit, "SAFEGUARDING", "Another child's concern.");
        school.mark(sibling, LocalDate.of(2026, 11, 3), "PM", "O");

        HttpResponse<String> response = WebClient.basic(port, "dsl", password)
                .get("/api/pupils/" + pupil.id() + "/subject-access.json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode export = new ObjectMapper().readTree(response.body());
        assertThat(export.at("/pupil/lastName").asText()).isEqualTo("Subject");
        assertThat(export.at("/contacts/0/name").asText()).isEqualTo("Parent Subject");
        assertThat(export.at("/attendance/0/sessionDate").asText()).isEqualTo("2026-11-02");
        assertThat(export.at("/absenceCases/0/reference").asText()).isEqualTo(absenceCase);
        assertThat(export.at("/absenceCases/0/referrals/0/sentTo").asText()).isEqualTo("Children's social care");
        assertThat(export.at("/visits/0/reference").asText()).isEqualTo(visit);
        assertThat(export.at("/visits/0/notes").findValuesAsText("body"))
                .containsExactlyInAnyOrder("Mark on the arm; DSL informed.", "Seen at the door, well.");
        assertThat(export.at("/visits/0/documents").isArray()).isTrue();
        assertThat(response.body()).doesNotContain(sibling.id(), "Neighbour", otherVisit, "Another child's concern.", "2026-11-03");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/pupils/" + pupil.id() + "/subject-access.pdf"))
                .header("Authorization", WebClient.basicHeader("head", password)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Subject access export: Robin Subject", "Mark on the arm; DSL informed.", visit, absenceCase)
                    .doesNotContain("Neighbour", "Another child's concern.");
        }

        assertThat(audit.events("pupil", pupil.id())).extracting(AuditTrail.AuditEvent::action, AuditTrail.AuditEvent::actor)
                .contains(org.assertj.core.groups.Tuple.tuple(SubjectAccess.EXPORTED, "dsl"), org.assertj.core.groups.Tuple.tuple(SubjectAccess.EXPORTED, "head"));
    }

    @Test
    void onlyTheHeadteacherAndTheDslOfThePupilsSchoolMayExport() {
        Pupil pupil = school.pupil("Private", LocalDate.of(2016, 6, 1), null);
        String path = "/api/pupils/" + pupil.id() + "/subject-access.json";
        assertThat(WebClient.basic(port, "office", password).get(path).statusCode()).as("the office").isEqualTo(403);
        assertThat(WebClient.basic(port, "leader", password).get(path).statusCode()).as("a senior leader").isEqualTo(403);
        assertThat(WebClient.basic(port, "lyn-dsl", password).get(path).statusCode()).as("another school's DSL").isEqualTo(404);
        assertThat(WebClient.basic(port, "dsl", password).get("/api/pupils/no-such-pupil/subject-access.json").statusCode())
                .isEqualTo(404);
    }
}
