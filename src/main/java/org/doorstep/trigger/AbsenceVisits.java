package org.doorstep.trigger;

import static org.doorstep.trigger.AbsenceCaseProcess.Variables.CASE_REFERENCE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.MISSED_VISIT_REFERENCE;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.MISSED_VISIT_STATUS;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.MUST_VISIT_DECISION;
import static org.doorstep.trigger.AbsenceCaseProcess.Variables.REFERRAL_SUMMARY;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doorstep.workflow.Actor;
import org.doorstep.records.AuditTrail;
import org.doorstep.visit.VisitEnded;
import org.doorstep.visit.VisitService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The visits of absence cases: started, or held for the school's weekly list; and a visit the policy says
 * must happen (triggers.mustVisits; Burgh 6.3, App. A Day 6) kept as a duty until the child is seen.
 */
@Service
class AbsenceVisits {

    /** Final visit statuses that mean someone decided against the visit: the DSL must decide what now. */
    private static final Set<String> DECIDED_AGAINST = Set.of("REJECTED", "CANCELLED", "NOT_VISITED");

    private final AbsenceCases cases;
    private final VisitService visits;
    private final VisitLists visitLists;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;

    AbsenceVisits(AbsenceCases cases, VisitService visits, VisitLists visitLists, RuntimeService runtimeService,
            AuditTrail audit) {
        this.cases = cases;
        this.visits = visits;
        this.visitLists = visitLists;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    /**
     * Both the Day 3 and the Day 6 visit are safe-and-well visits (Burgh App. A); which rung of the
     * ladder asked for it stays on the case's action, linked to the visit's reference.
     */
    static String visitReason(TriggerAction action) {
        return VisitService.SAFE_AND_WELL;
    }

    /**
     * Starts the visit for this attempt, or, where the policy asks for a signed weekly list, holds it for the
     * list. A must visit never waits for the list: it starts now and the next list shows it for the record.
     */
    void request(AbsenceCases.Action attempt, String schoolId, String pupilId, boolean visitListRequired, String actor) {
        String reason = visitReason(attempt.action());
        if (visitListRequired && !attempt.mustDuty()) {
            visitLists.hold(attempt.id(), schoolId, pupilId, reason);
            return;
        }
        String visitReference = visits.requestVisit(pupilId, reason, actor).getBusinessKey();
        cases.visitRequested(attempt.id(), visitReference);
        if (visitListRequired) {
            visitLists.listForTheRecord(schoolId, pupilId, reason, visitReference);
        }
    }

    /**
     * A must visit ended without the child seen (else the case is closed already): a follow-up visit carries
     * the duty on; a rejection, cancellation or "too risky" goes to the DSL (the case's "must visit not made");
     * any other end leaves the duty open for the next evaluation to raise again.
     */
    /**
     * Records the DSL's decision on a must visit that was not made (the reason leaves the process: it may
     * carry safeguarding detail) and answers the attempt it is about, while the child is still unseen.
     */
    Optional<AbsenceCases.Action> recordDecision(DelegateExecution execution) {
        String decision = MUST_VISIT_DECISION.require(execution);
        String visitReference = MISSED_VISIT_REFERENCE.require(execution);
        cases.recordReferral(CASE_REFERENCE.require(execution), AbsenceCaseProcess.MUST_VISIT_NOT_MADE_RECORD, decision, null,
                visitReference + " " + MISSED_VISIT_STATUS.get(execution) + ": " + REFERRAL_SUMMARY.get(execution),
                Actor.current(execution, AbsenceCases.SYSTEM_ACTOR));
        execution.removeVariable(REFERRAL_SUMMARY.name());
        return cases.openMustAttemptFor(visitReference);
    }

    @EventListener
    void visitEnded(VisitEnded ended) {
        cases.openMustAttemptFor(ended.visitReference()).ifPresent(attempt -> {
            if (ended.followedBy() != null) {
                cases.visitRequested(attempt.id(), ended.followedBy());
            } else if (DECIDED_AGAINST.contains(ended.status())) {
                runtimeService.createMessageCorrelation(AbsenceCaseProcess.Messages.MUST_VISIT_NOT_MADE)
                        .processInstanceBusinessKey(attempt.caseReference())
                        .setVariableToTriggeredScope(MISSED_VISIT_REFERENCE.name(), ended.visitReference())
                        .setVariableToTriggeredScope(MISSED_VISIT_STATUS.name(), ended.status())
                        .correlateWithResult();
                audit.record(AbsenceCases.SYSTEM_ACTOR, "MUST_VISIT_NOT_MADE", "absence_case", attempt.caseReference(),
                        ended.visitReference() + " " + ended.status() + ": to the DSL");
            } else {
                cases.attemptUnmet(attempt, "visit " + ended.visitReference() + " ended " + ended.status()
                        + " without the child seen", AbsenceCases.SYSTEM_ACTOR);
            }
        });
    }
}
