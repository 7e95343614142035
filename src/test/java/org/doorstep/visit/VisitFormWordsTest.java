package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.visit.HomeVisitProcess.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What staff read on a Thames View visit's forms, rendered as Tasklist renders them (each {{variable}}
 * replaced by the task's value): the reason in words, names for user ids, Yes or No, times on the
 * school's clock, only Thames View's clauses, and the plan's staff picked by name (UX review §4, §8.8).
 */
@DoorstepTest
class VisitFormWordsTest extends VisitScenarios {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");
    private static final List<String> OTHER_SCHOOLS = List.of("Burgh", "Lynnfield", "Thomas More", "William Lilley");

    @Autowired FormService formService;
    @Autowired SchoolDirectory directory;

    @Test
    void theAuthorisationReadsInWordsAndCitesOnlyThamesView() throws IOException {
        ProcessInstance visit = request();
        String shown = rendered(task(visit, Elements.AUTHORISE));
        assertThat(shown).contains("**Reason:** Attendance or refusal to attend", "**Requested by:** Vera Vance",
                "**Family has a social worker:** No", "**Appointment made with the family:** Yes",
                "Your school's policy: Thames View Junior School 2.1, 3.3.");
        assertThat(shown).doesNotContain("visitor1", "true", "false", "{{");
        OTHER_SCHOOLS.forEach(other -> assertThat(shown).doesNotContain(other));
    }

    @Test
    void thePlanOffersTheSchoolsStaffByNameAndStoresTheirIds() throws IOException {
        ProcessInstance visit = atThePlan();
        Task plan = task(visit, Elements.PLAN);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> staff = (List<Map<String, String>>) taskService.getVariableLocal(plan.getId(),
                VisitFormWords.STAFF_OPTIONS);
        assertThat(staff).contains(Map.of("label", "Vera Vance, Attendance officer", "value", "visitor1"));
        assertThat(staff).extracting(option -> option.get("value")).as("only Thames View's staff")
                .allMatch(id -> !id.contains("-"));
        assertThat(rendered(plan)).contains("**Paired visit required:** Yes").doesNotContain("{{");
    }

    @Test
    void theSignOutShowsNamesTheRouteAndTimesOnTheSchoolsClock() throws IOException {
        ProcessInstance visit = atThePlan();
        complete(visit, Elements.PLAN, ordinaryPlan().with(TRANSPORT, "foot").with(WALKING_ROUTE, "Up Mill Lane, left at the park")
                .with(APPOINTMENT_TIME, "2026-11-23T10:00:00Z").with(EXPECTED_RETURN_TIME, "2026-11-23T11:15:00Z"));
        assertThat(variable(visit, COMPANION_NAME)).as("the picked colleague's id").isEqualTo("visitor2");
        String shown = rendered(task(visit, Elements.SIGN_OUT));
        assertThat(shown).contains("**Who:** Vera Vance (07700 900004) with Victor Vale (+44 7700 900005)",
                "**Transport:** On foot, by this route: Up Mill Lane, left at the park",
                "**Appointment:** Mon 23 Nov, 10:00", "**Expected back:** Mon 23 Nov, 11:15");
        assertThat(shown).doesNotContain("2026-11-23T", "visitor2", "{{");
        OTHER_SCHOOLS.forEach(other -> assertThat(shown).doesNotContain(other));
    }

    @Test
    void theParentWaitSaysUntilWhenAndForHowManyMinutes() throws IOException {
        ProcessInstance visit = atThePlan();
        plan(visit);
        signOut(visit);
        arrive(visit);
        String shown = rendered(task(visit, Elements.WAIT_FOR_PARENT));
        assertThat(shown).contains("**Wait until 09:50**", "the school's wait is 20 minutes",
                "Your school's policy: Thames View Junior School 3.4");
        assertThat(shown).doesNotContain("PT20M", "{{");
        OTHER_SCHOOLS.forEach(other -> assertThat(shown).doesNotContain(other));
    }

    @Test
    void theSocialWorkersFormNamesThePupilsSocialWorker() throws IOException {
        ProcessInstance visit = visits.requestVisit(PUPIL_WITH_SOCIAL_WORKER, "attendance", "office");
        authorise(visit);
        complete(visit, Elements.DSL_AUTHORISE, answers().with(DSL_AUTHORISATION_DECISION, "approved"));
        assessRisk(visit, noHazards());
        plan(visit);
        String socialWorker = directory.requirePupil(PUPIL_WITH_SOCIAL_WORKER).socialWorkerName();
        assertThat(socialWorker).isNotBlank();
        assertThat(rendered(task(visit, Elements.INFORM_SOCIAL_WORKER))).contains("**Social worker:** " + socialWorker)
                .doesNotContain("{{");
    }

    /** Every text of the task's deployed form, with its placeholders filled from the task's variables. */
    private String rendered(Task task) throws IOException {
        Map<String, Object> variables = taskService.getVariables(task.getId());
        StringBuilder shown = new StringBuilder();
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            for (JsonNode component : new ObjectMapper().readTree(form).path("components")) {
                if ("text".equals(component.path("type").asText())) {
                    Matcher placeholder = PLACEHOLDER.matcher(component.path("text").asText());
                    shown.append(placeholder.replaceAll(match -> Matcher.quoteReplacement(variables.containsKey(match.group(1))
                            ? String.valueOf(variables.get(match.group(1))) : match.group()))).append('\n');
                }
            }
        }
        return shown.toString();
    }
}
