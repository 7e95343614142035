package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Variables.ADDRESS;
import static org.doorstep.safety.StaffSafetyProcess.Variables.CHECK_IN_INTERVAL;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EXPECTED_ARRIVAL_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.EXPECTED_BACK_AT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PEOPLE;
import static org.doorstep.safety.StaffSafetyProcess.Variables.PUPIL_ID;
import static org.doorstep.safety.StaffSafetyProcess.Variables.SCHOOL_ID;
import static org.doorstep.safety.StaffSafetyProcess.Variables.SIGNED_OUT_BY;
import static org.doorstep.safety.StaffSafetyProcess.Variables.STAFF_MOBILES;
import static org.doorstep.safety.StaffSafetyProcess.Variables.STAFF_USER_IDS;
import static org.doorstep.safety.StaffSafetyProcess.Variables.TASK_SUBJECT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.TRANSPORT;
import static org.doorstep.safety.StaffSafetyProcess.Variables.VISIT_REFERENCE;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.visit.VisitDeparted;
import org.doorstep.workflow.TaskSubject;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the staff-safety watch when the staff sign out. Runs synchronously in the sign-out's
 * transaction: either the visit is out and watched, or neither.
 */
@Component
class StartSafetyWatch {

    private final RuntimeService runtimeService;
    private final SafetyWatches watches;
    private final SchoolDirectory directory;

    StartSafetyWatch(RuntimeService runtimeService, SafetyWatches watches, SchoolDirectory directory) {
        this.runtimeService = runtimeService;
        this.watches = watches;
        this.directory = directory;
    }

    @EventListener
    void on(VisitDeparted departed) {
        String reference = departed.visitReference();
        if (watches.find(reference).filter(watch -> !watch.ended()).isPresent()) {
            return; // already watched: a repeated event must not start a second watch
        }
        Map<String, Object> variables = new HashMap<>();
        VISIT_REFERENCE.putInto(variables, reference);
        SCHOOL_ID.putInto(variables, departed.schoolId());
        PUPIL_ID.putInto(variables, departed.pupilId());
        // The office knows a visit by its pupil, as on the safety board.
        String pupil = directory.pupil(departed.pupilId()).map(Pupil::fullName).orElse(departed.pupilId());
        TASK_SUBJECT.putInto(variables, TaskSubject.of(pupil, reference));
        STAFF_USER_IDS.putInto(variables, String.join(",", departed.staffUserIds()));
        PEOPLE.putInto(variables, SafetyBriefing.people(departed.people()));
        STAFF_MOBILES.putInto(variables, SafetyBriefing.planMobiles(departed.people()));
        ADDRESS.putInto(variables, departed.address());
        TRANSPORT.putInto(variables, departed.transport());
        SIGNED_OUT_BY.putInto(variables, departed.signedOutBy());
        EXPECTED_ARRIVAL_AT.putInto(variables, departed.expectedArrivalAt() == null ? null : Date.from(departed.expectedArrivalAt()));
        EXPECTED_BACK_AT.putInto(variables, departed.expectedBackAt() == null ? null : Date.from(departed.expectedBackAt()));
        CHECK_IN_INTERVAL.putInto(variables, departed.checkInInterval() == null ? null : departed.checkInInterval().toString());
        runtimeService.startProcessInstanceByKey(StaffSafetyProcess.KEY, reference, variables);
    }
}
