package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.doorstep.DoorstepTest;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.security.WebClient;
import org.doorstep.trigger.SchoolCalendar;
import org.doorstep.trigger.TriggerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Visit references stay unique when many visits are requested at once, also for schools whose ids start
 * alike (issue 11: each school's prefix is declared at onboarding, unique across the install).
 */
@DoorstepTest
class VisitReferenceTest {

    static final String LADDER_LANE = "ladder-lane";

    @Autowired
    VisitService visits;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    SchoolOnboarding onboarding;
    @Autowired
    SchoolCalendar calendar;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;

    @Test
    void twentyRequestsAtOnceForTwoSchoolsStartingWithTheSameLettersAllGetTheirOwnReference() throws Exception {
        TriggerTestSupport.ensureSchool(onboarding, calendar, identity);
        var onboarded = WebClient.basic(port, "admin", password).postJson("/api/admin/schools",
                new ObjectMapper().writeValueAsString(TriggerTestSupport.testSchool(LADDER_LANE, "LADL", 2)));
        assertThat(onboarded.statusCode()).as(onboarded.body()).isIn(200, 201);
        Pupil academyPupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false);
        Pupil lanePupil = TriggerTestSupport.newPupil(directory, LADDER_LANE, false);

        ExecutorService threads = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Pupil pupil = i % 2 == 0 ? academyPupil : lanePupil;
            requests.add(threads.submit(() -> {
                go.await();
                return visits.requestVisit(pupil.id(), "attendance", "office").getBusinessKey();
            }));
        }
        go.countDown();
        List<String> references = new ArrayList<>();
        for (Future<String> request : requests) {
            references.add(request.get(120, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(references).hasSize(20).doesNotHaveDuplicates();
        List<String> academyPrefixes = prefixesOfVisitsOf(academyPupil);
        List<String> lanePrefixes = prefixesOfVisitsOf(lanePupil);
        assertThat(academyPrefixes).as("Ladder Academy's declared prefix").hasSize(10).containsOnly("LAD");
        assertThat(lanePrefixes).as("Ladder Lane's declared prefix").hasSize(10).containsOnly("LADL");
    }

    @Test
    void theSameRequestSentTwiceInQuickSuccessionStartsOneVisitAndNamesItTheSecondTime() throws Exception {
        TriggerTestSupport.ensureSchool(onboarding, calendar, identity);
        Pupil pupil = TriggerTestSupport.newPupil(directory, TriggerTestSupport.SCHOOL, false);
        WebClient office = WebClient.basic(port, "office", password);
        String request = "{\"pupilId\":\"" + pupil.id() + "\",\"reason\":\"support\"}";

        var first = office.postJson("/api/visits", request);
        var second = office.postJson("/api/visits", request);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        JsonNode repeat = new ObjectMapper().readTree(second.body());
        String reference = new ObjectMapper().readTree(first.body()).get("reference").asText();
        assertThat(repeat.get("reference").asText()).isEqualTo(reference);
        assertThat(repeat.get("detail").asText()).contains("already requested").contains(reference);
        assertThat(prefixesOfVisitsOf(pupil)).hasSize(1);
        assertThat(office.postJson("/api/visits", "{\"pupilId\":\"" + pupil.id() + "\",\"reason\":\"attendance\"}").statusCode())
                .as("another reason is another visit").isEqualTo(201);
    }

    private List<String> prefixesOfVisitsOf(Pupil pupil) {
        return jdbc.sql("SELECT reference FROM visit WHERE pupil_id = ?").param(pupil.id()).query(String.class).list()
                .stream().map(reference -> reference.split("-")[1]).toList();
    }
}
