package org.doorstep.safeguarding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.trigger.AbsenceCaseProcess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the DSL's decision on a concern and completes the DSL's task with the choice alone, as the
 * DSL, so the process routes on it exactly as it does from Tasklist. The reasoning is safeguarding
 * text: for a visit it becomes a safeguarding note and never a process variable; for an absence case
 * it is the referral summary, which the case's own step moves into the case record at once (declared
 * sensitive, so history keeps only a marker).
 */
@Service
class ConcernDecisions {

    private final TaskService tasks;
    private final IdentityService identity;
    private final VisitNotes notes;

    ConcernDecisions(TaskService tasks, IdentityService identity, VisitNotes notes) {
        this.tasks = tasks;
        this.identity = identity;
        this.notes = notes;
    }

    /**
     * In one transaction: the note and the completion stand or fall together. The engine checks, as
     * for Tasklist, that the user may complete the task (its candidate group, their school).
     */
    @Transactional
    void decide(Concerns.Concern concern, String choiceLabel, Decision decision, Who who) {
        Map<String, Object> variables = new HashMap<>();
        concern.source().decision.putInto(variables, decision.choice());
        if (concern.onVisit()) {
            notes.add(concern.reference(), NoteKind.SAFEGUARDING,
                    "DSL decision: " + choiceLabel + ". Reasoning: " + decision.reasoning(), who.userId());
        } else {
            AbsenceCaseProcess.Variables.REFERRAL_SENT_TO.putInto(variables, decision.sentTo());
            AbsenceCaseProcess.Variables.REFERRAL_SUMMARY.putInto(variables, decision.reasoning());
        }
        identity.setAuthentication(who.userId(), who.groups(), who.schools());
        try {
            tasks.complete(concern.taskId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    record Decision(String choice, String reasoning, String sentTo) {
    }

    /** The signed-in user as the engine knows them: their groups and schools (tenants). */
    record Who(String userId, List<String> groups, List<String> schools) {
    }
}
