package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_KIND;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_STAFF;
import static org.doorstep.visit.HomeVisitProcess.Variables.PAIRED_REQUIRED;
import static org.doorstep.visit.HomeVisitProcess.Variables.TRANSPORT;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_INSURANCE_CONFIRMED;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.doorstep.workflow.FormValidationException;
import org.springframework.stereotype.Component;

/**
 * The plan's rules that depend on the policy and the risk decision, checked when the plan is
 * submitted (the form's own rules are checked by workflow.FormValidation): pairing (Thames View
 * 2.10, Lynnfield 3, Burgh 11), who may be the second person (William Lilley, Thomas More: another
 * agency's professional; Thames View 2.10: staff only) and vehicle insurance (Thames View 2.9). A
 * member of staff picked as second person becomes the visit's companionName (their user id), the
 * one name the sign-out, the safety watch and the notices read.
 */
@Component("checkVisitPlan")
class CheckVisitPlan implements TaskListener {

    static final String STAFF = "staff";
    static final String NONE = "none";
    static final String AGENCY = "agency";
    static final String CAR = "car";

    private final VisitRules rules;

    CheckVisitPlan(VisitRules rules) {
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        String companion = COMPANION_KIND.get(task);
        if (STAFF.equals(companion)) {
            COMPANION_NAME.set(task, COMPANION_STAFF.get(task));
        }
        if (Boolean.TRUE.equals(PAIRED_REQUIRED.get(task)) && NONE.equals(companion)) {
            problems.add("Second person (" + COMPANION_KIND.name() + "): this visit must be paired, by the school's "
                    + "policy or the risk decision");
        }
        if (AGENCY.equals(companion) && !rules.of(task).outsideAgencyPartnerAllowed()) {
            problems.add("Second person (" + COMPANION_KIND.name() + "): the school's policy asks for two members of "
                    + "staff, not a professional from another agency");
        }
        if (CAR.equals(TRANSPORT.get(task)) && !Boolean.TRUE.equals(VEHICLE_INSURANCE_CONFIRMED.get(task))) {
            problems.add("Insurance confirmed (" + VEHICLE_INSURANCE_CONFIRMED.name() + "): the office must hold "
                    + "the vehicle's insurance for business use");
        }
        if (!problems.isEmpty()) {
            throw new FormValidationException(task.getName(), problems);
        }
    }
}
