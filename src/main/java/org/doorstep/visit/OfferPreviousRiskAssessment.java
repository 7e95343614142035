package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_AGGRESSIVE_FAMILY_MEMBER;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_DANGEROUS_ANIMALS;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_DRIVING;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_ILLNESS_OR_INJURY;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_KNOWN_INCIDENTS;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_LONE_WORKING;
import static org.doorstep.visit.HomeVisitProcess.Variables.HAZARD_PUBLIC_AREAS;
import static org.doorstep.visit.HomeVisitProcess.Variables.PREVIOUS_ASSESSMENT_FOUND;
import static org.doorstep.visit.HomeVisitProcess.Variables.PREVIOUS_ASSESSMENT_SUMMARY;
import static org.doorstep.visit.HomeVisitProcess.Variables.PROTECTION_REGISTER_HIT;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.RISK_CONTROLS;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_ADDRESS;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Offers the previous assessment of the same pupil or family for reuse and amendment (Thomas More:
 * "referred to for subsequent visits"; Thames View 2.5: amended when new risks appear): its answers
 * pre-fill the risk-assessment form, which the assessor confirms or changes.
 */
@Component("offerPreviousRiskAssessment")
class OfferPreviousRiskAssessment implements JavaDelegate {

    private final RiskAssessments assessments;

    private final VisitRules rules;

    OfferPreviousRiskAssessment(RiskAssessments assessments, VisitRules rules) {
        this.rules = rules;
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<RiskAssessments.Assessment> previous = rules.of(execution).reusePreviousAssessment()
                ? assessments.latestFor(PUPIL_ID.require(execution), VISIT_ADDRESS.get(execution))
                : Optional.empty();
        PREVIOUS_ASSESSMENT_FOUND.set(execution, previous.isPresent());
        if (previous.isEmpty()) {
            PREVIOUS_ASSESSMENT_SUMMARY.set(execution, "No previous assessment of this pupil or family.");
            // Every hazard starts unticked, so the decision always has all its inputs.
            previous = Optional.of(new RiskAssessments.Assessment(null, null, null, false, false, false, false, false,
                    false, false, false, null, null, null));
            fill(execution, previous.get());
            return;
        }
        RiskAssessments.Assessment a = previous.get();
        PREVIOUS_ASSESSMENT_SUMMARY.set(execution, "Previous assessment for visit " + a.visitReference() + " ("
                + a.riskLevel() + " risk) is filled in below: check every answer and amend it where anything has changed.");
        fill(execution, a);
    }

    private static void fill(DelegateExecution execution, RiskAssessments.Assessment a) {
        HAZARD_AGGRESSIVE_FAMILY_MEMBER.set(execution, a.aggressiveFamilyMember());
        HAZARD_KNOWN_INCIDENTS.set(execution, a.knownIncidents());
        HAZARD_DANGEROUS_ANIMALS.set(execution, a.dangerousAnimals());
        HAZARD_DRIVING.set(execution, a.driving());
        HAZARD_PUBLIC_AREAS.set(execution, a.publicAreas());
        HAZARD_ILLNESS_OR_INJURY.set(execution, a.illnessOrInjury());
        HAZARD_LONE_WORKING.set(execution, a.loneWorking());
        PROTECTION_REGISTER_HIT.set(execution, a.registerHit());
        RISK_CONTROLS.set(execution, a.controls());
    }
}
