package org.doorstep.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.trigger.TriggerAction.CONSIDER_LEGAL_ACTION;
import static org.doorstep.trigger.TriggerAction.CONTACT_ATTEMPTS;
import static org.doorstep.trigger.TriggerAction.DSL_REVIEW;
import static org.doorstep.trigger.TriggerAction.MANDATORY_VISIT;
import static org.doorstep.trigger.TriggerAction.PNAR;
import static org.doorstep.trigger.TriggerAction.SAFE_AND_WELL_VISIT;
import static org.doorstep.trigger.TriggerTestSupport.CLOSURE;
import static org.doorstep.trigger.TriggerTestSupport.SCHOOL;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.DoorstepTest;
import org.doorstep.school.Pupil;
import org.doorstep.visit.VisitService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Burgh's Appendix A, step by step, counted in school days: the window holds a weekend
 * (14-15 November) and an INSET closure (Wednesday 11 November), neither of which counts.
 */
@DoorstepTest
class AbsenceLadderTest extends AbsenceScenarioSupport {

    static final LocalDate DAY_1 = LocalDate.of(2026, 11, 9);      // Monday
    static final LocalDate DAY_2 = LocalDate.of(2026, 11, 10);
    static final LocalDate DAY_3 = LocalDate.of(2026, 11, 12);     // Thursday: Wednesday is the closure
    static final LocalDate DAY_4 = LocalDate.of(2026, 11, 13);
    static final LocalDate DAY_5 = LocalDate.of(2026, 11, 16);     // Monday after the weekend
    static final LocalDate DAY_6 = LocalDate.of(2026, 11, 17);
    static final LocalDate DAY_10 = LocalDate.of(2026, 11, 23);

    @Test
    void eachStepOfTheLadderFallsDueOnItsSchoolDay() {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_10, "N");

        Map<LocalDate, List<TriggerAction>> due = new LinkedHashMap<>();
        String reference = null;
        for (LocalDate day = DAY_1; !day.isAfter(DAY_10); day = day.plusDays(1)) {
            AbsenceEvaluation.Report report = evaluate(pupil, day);
            if (!calendar.of(SCHOOL).isSchoolDay(day)) {
                assertThat(report.skipped()).as(day.toString()).containsExactly(SCHOOL + ": not a school day");
                continue;
            }
            AbsenceCases.AbsenceCase open = openCase(pupil);
            reference = reference == null ? open.reference() : reference;
            assertThat(open.reference()).as("one case for the whole episode").isEqualTo(reference);
            due.put(day, actionsDueOn(open, day));
        }

        assertThat(due.get(DAY_1)).containsExactly(CONTACT_ATTEMPTS);
        assertThat(due.get(DAY_2)).as("yesterday's contact task is still open").isEmpty();
        assertThat(due).doesNotContainKey(CLOSURE);
        assertThat(due.get(DAY_3)).containsExactly(SAFE_AND_WELL_VISIT);
        assertThat(due.get(DAY_4)).isEmpty();
        assertThat(due.get(DAY_5)).as("10 unauthorised sessions in 10 school weeks").containsExactly(CONSIDER_LEGAL_ACTION);
        assertThat(due.get(DAY_6)).as("more than 5 school days without eyes on").containsExactly(MANDATORY_VISIT);
        assertThat(due.get(DAY_10)).as("10 consecutive unauthorised school days").containsExactly(PNAR);
        assertThat(due.values().stream().flatMap(List::stream)).hasSize(5);

        assertThat(homeVisits(pupil)).extracting(this::visitReason).containsOnly(VisitService.SAFE_AND_WELL);
        List<AbsenceCases.Action> visitActions = cases.actions(reference).stream().filter(a -> a.action().isVisit()).toList();
        assertThat(visitActions).extracting(AbsenceCases.Action::action)
                .containsExactlyInAnyOrder(SAFE_AND_WELL_VISIT, MANDATORY_VISIT);
        assertThat(visitActions).extracting(AbsenceCases.Action::visitReference)
                .containsExactlyInAnyOrderElementsOf(homeVisits(pupil).stream().map(ProcessInstance::getBusinessKey).toList());
        assertThat(cases.cases(pupil.id())).hasSize(1);
    }

    /** One test per step: due on its school day, not on the school day before. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
        "CONTACT_ATTEMPTS, 2026-11-09, 2026-11-06",        // Day 1; the Friday before the child was in
        "SAFE_AND_WELL_VISIT, 2026-11-12, 2026-11-10",     // Day 3 is Thursday: Wednesday 11th is closed
        "CONSIDER_LEGAL_ACTION, 2026-11-16, 2026-11-13",   // 10th unauthorised session on Monday, after the weekend
        "MANDATORY_VISIT, 2026-11-17, 2026-11-16",         // 6th school day unseen
        "PNAR, 2026-11-23, 2026-11-20"                     // 10th consecutive unauthorised school day
    })
    void aLadderStep(TriggerAction step, LocalDate dueOn, LocalDate schoolDayBefore) {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, dueOn, "N");

        evaluate(pupil, schoolDayBefore);
        List<TriggerAction> before = cases.openCase(pupil.id()).map(c -> cases.actions(c.reference()).stream()
                .map(AbsenceCases.Action::action).toList()).orElse(List.of());
        evaluate(pupil, dueOn);

        assertThat(before).doesNotContain(step);
        assertThat(actionsDueOn(openCase(pupil), dueOn)).contains(step);
    }

    @Test
    void aVulnerableChildIsVisitedOnDayTwoAndTheDslIsTold() {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, true);
        register(pupil, DAY_1, DAY_2, "O");

        evaluate(pupil, DAY_1);
        evaluate(pupil, DAY_2);

        AbsenceCases.AbsenceCase open = openCase(pupil);
        assertThat(actionsDueOn(open, DAY_1)).containsExactly(CONTACT_ATTEMPTS);
        assertThat(actionsDueOn(open, DAY_2)).containsExactlyInAnyOrder(SAFE_AND_WELL_VISIT, DSL_REVIEW);
        assertThat(task(open.reference(), AbsenceCaseProcess.Elements.DSL_REVIEW)).isNotNull();
        assertThat(homeVisits(pupil)).hasSize(1);
    }

    @Test
    void anExplainedAbsenceOpensNoCaseUntilTheChildHasGoneUnseenTooLong() {
        Pupil pupil = pupilPresentUntil(SCHOOL, DAY_1, false);
        register(pupil, DAY_1, DAY_6, "I");

        for (LocalDate day : List.of(DAY_1, DAY_2, DAY_3, DAY_4, DAY_5)) {
            evaluate(pupil, day);
            assertThat(cases.openCase(pupil.id())).as(day.toString()).isEmpty();
        }
        evaluate(pupil, DAY_6);

        // Six days of illness also take the term's attendance (96 of 108 sessions) under the 90 % threshold.
        assertThat(actionsDueOn(openCase(pupil), DAY_6)).containsExactlyInAnyOrder(MANDATORY_VISIT, CONSIDER_LEGAL_ACTION);
    }
}
