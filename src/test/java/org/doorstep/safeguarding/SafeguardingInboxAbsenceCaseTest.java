package org.doorstep.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.ATTEMPTED_PHONE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.FAMILY_REACHED;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REASON_GIVEN;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.SAFEGUARDING_CONCERN;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.WHEREABOUTS;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.school.Pupil;
import org.doorstep.security.WebClient;
import org.doorstep.trigger.AbsenceCaseProcess;
import org.doorstep.trigger.AbsenceCases;
import org.doorstep.trigger.AbsenceScenarioSupport;
import org.doorstep.trigger.TriggerTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Burgh App. A Day 1: "inform the DSL if safeguarding indicators are present". The office's concern in
 * an absence case reaches the DSL's inbox, and the DSL decides it in the page: the choice routes the
 * case, the reasoning goes to the case's referral record and nowhere in Camunda.
 */
@DoorstepTest
class SafeguardingInboxAbsenceCaseTest extends AbsenceScenarioSupport {

    static final LocalDate DAY_1 = LocalDate.of(2026, 11, 30);

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficesConcernInAnAbsenceCaseIsDecidedInThePage() {
        Pupil pupil = pupilPresentUntil(TriggerTestSupport.SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_1.plusDays(1), "N");
        evaluate(pupil, DAY_1);
        AbsenceCases.AbsenceCase open = openCase(pupil);
        completeAs("office", task(open.reference(), AbsenceCaseProcess.Elements.LOG_CONTACT_ATTEMPTS), concernLogged());
        evaluate(pupil, DAY_1.plusDays(1));
        Task review = task(open.reference(), AbsenceCaseProcess.Elements.DSL_REVIEW);
        assertThat(review).isNotNull();

        WebClient dsl = WebClient.signedIn(port, "dsl", password);
        assertThat(dsl.get("/safeguarding").body()).contains("/safeguarding/" + open.reference(), "In an absence case",
                "/pupils/" + pupil.id());
        HttpResponse<String> page = dsl.get("/safeguarding/" + open.reference());
        assertThat(page.body()).contains("Make a safeguarding referral", "No referral now", "Sent to");

        String reasoning = "SG-ABSENCE-" + UUID.randomUUID() + " Known to early help; the family answered the school nurse.";
        HttpResponse<String> decided = dsl.post("/safeguarding/" + open.reference(), "application/x-www-form-urlencoded",
                "_csrf=" + encode(page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1"))
                        + "&taskId=" + review.getId() + "&choice=no-referral&reasoning=" + encode(reasoning));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);

        assertThat(task(open.reference(), AbsenceCaseProcess.Elements.DSL_REVIEW)).as("the DSL's task is done").isNull();
        assertThat(cases.referrals(open.reference())).singleElement().satisfies(referral -> {
            assertThat(referral.decision()).isEqualTo("no-referral");
            assertThat(referral.summary()).isEqualTo(reasoning);
            assertThat(referral.decidedBy()).isEqualTo("dsl");
        });
        for (String table : new String[] {"ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_RU_VARIABLE"}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?")
                    .params("%" + reasoning + "%", "%" + reasoning + "%").query(Long.class).single()).as(table).isZero();
        }
        assertThat(dsl.get("/safeguarding/" + open.reference()).body()).contains("Decided", "No referral now", reasoning)
                .doesNotContain("Record the decision");
    }

    private static Map<String, Object> concernLogged() {
        Map<String, Object> form = new HashMap<>();
        ATTEMPTED_PHONE.putInto(form, true);
        FAMILY_REACHED.putInto(form, false);
        REASON_GIVEN.putInto(form, false);
        WHEREABOUTS.putInto(form, "known");
        SAFEGUARDING_CONCERN.putInto(form, true);
        return form;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
