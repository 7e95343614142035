package org.doorstep.safeguarding;

import java.util.Arrays;
import java.util.Optional;
import org.doorstep.trigger.AbsenceCaseProcess;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.workflow.ProcessVariable;

/**
 * Where a concern was raised, in words, and the DSL task that answers it: the process and task it
 * lives in, and the one form field whose value the process routes on (the DSL's choice, never text).
 */
enum ConcernSource {

    AT_THE_DOOR("At the door: a child alone or a concern", HomeVisitProcess.KEY,
            HomeVisitProcess.Elements.DSL_ACT_ON_CONCERN_AT_DOOR, HomeVisitProcess.Variables.DSL_DOOR_ACTION),
    VISIT_RECORD("In the visit record", HomeVisitProcess.KEY, HomeVisitProcess.Elements.DSL_REVIEW,
            HomeVisitProcess.Variables.DSL_REVIEW_ACTION),
    ABSENCE_CASE("In an absence case", AbsenceCaseProcess.KEY, AbsenceCaseProcess.Elements.DSL_REVIEW,
            AbsenceCaseProcess.Variables.REFERRAL_DECISION);

    final String label;
    final String processKey;
    final String taskKey;
    final ProcessVariable<String> decision;

    ConcernSource(String label, String processKey, String taskKey, ProcessVariable<String> decision) {
        this.label = label;
        this.processKey = processKey;
        this.taskKey = taskKey;
        this.decision = decision;
    }

    public String label() {
        return label;
    }

    boolean isVisit() {
        return processKey.equals(HomeVisitProcess.KEY);
    }

    static String[] taskKeys() {
        return Arrays.stream(values()).map(source -> source.taskKey).distinct().toArray(String[]::new);
    }

    static Optional<ConcernSource> of(String processKey, String taskKey) {
        return Arrays.stream(values()).filter(source -> source.processKey.equals(processKey) && source.taskKey.equals(taskKey))
                .findFirst();
    }
}
