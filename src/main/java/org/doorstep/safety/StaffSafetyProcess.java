package org.doorstep.safety;

import java.util.Date;
import org.doorstep.workflow.ProcessVariable;
import org.doorstep.workflow.TaskSubject;

/**
 * The staff-safety watch (bpmn/staff-safety.bpmn): one instance per visit, business key = visit
 * reference, started when the staff sign out. Its key, messages, element ids and typed variables
 * are named once here.
 */
public final class StaffSafetyProcess {

    public static final String KEY = "staff-safety";

    /** The shared message contract (docs/architecture.md), correlated by business key. */
    public static final class Messages {
        public static final String STAFF_ARRIVED = "StaffArrived";
        public static final String STAFF_OK = "StaffOk";
        public static final String STAFF_LEAVING = "StaffLeaving";
        public static final String STAFF_BACK_AT_SCHOOL = "StaffBackAtSchool";
        public static final String STAFF_EMERGENCY = "StaffEmergency";
        /** Turned back before arriving: the watch expects them back, the home visit is re-planned or cancelled. */
        public static final String STAFF_TURNED_BACK = "StaffTurnedBack";
        /**
         * Variable set by the StaffLeaving of "Leaving: I feel unsafe", naming who sent it: the home visit ends
         * "withdrew: felt unsafe"; the watch treats it as any leaving and waits for them back at school.
         */
        public static final String WITHDREW_UNSAFE_BY = "withdrewUnsafeBy";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String START = "Event_VisitDeparted";
        public static final String WATCH = "SubProcess_Watch";
        public static final String TRAVELLING = "Gateway_Travelling";
        /** At the address: entered again after every check-in, so its timers re-arm. */
        public static final String AT_ADDRESS = "SubProcess_AtAddress";
        /** At the address, waiting for I'm OK, Leaving, Back at school or the check-in's due moment. */
        public static final String AT_ADDRESS_WAITING = "Gateway_AtAddress";
        public static final String RETURNING = "Gateway_Returning";
        /** Non-interrupting on {@link #AT_ADDRESS}: the reminder text shortly before the check-in is due. */
        public static final String REMINDER_DUE = "Event_ReminderDue";
        /** On the way: the arrival call has not come by the appointment plus the policy's grace. */
        public static final String ARRIVAL_CALL_DUE = "Event_ArrivalCallDue";
        public static final String CHECK_IN_MISSED = "Event_CheckInDue";
        public static final String NOT_BACK_IN_TIME = "Event_NotBackInTime";
        public static final String OVERDUE_CHAIN = "SubProcess_OverdueChain";
        /** The one generic step of the chain: which action it is, is in {@link Variables#OVERDUE_ACTION}. */
        public static final String OVERDUE_STEP = "Task_OverdueStep";
        /** No further step's condition holds for what the last one found: the chain ends with that outcome. */
        public static final String CHAIN_ENDED = "Event_ChainEnded";
        public static final String CHAIN_RESOLVED = "Event_ChainResolved";
        public static final String EMERGENCY = "SubProcess_Emergency";
        public static final String CALL_POLICE_NOW = "Task_CallPoliceNow";
        public static final String WATCH_CLOSED = "Event_WatchClosed";
        public static final String EMERGENCY_HANDLED = "Event_EmergencyHandled";

        private Elements() {
        }
    }

    /** Where the staff are, as the watch sees it; decides which messages and timers it waits for. */
    public enum Phase {
        DEPARTED("On the way to the address"),
        AT_ADDRESS("At the address"),
        RETURNING("On the way back to school"),
        BACK("Back at school");

        private final String description;

        Phase(String description) {
            this.description = description;
        }

        /** Where the staff are, as the check-in page tells them. */
        public String description() {
            return description;
        }
    }

    public enum OverdueReason {
        MISSED_CHECK_IN("missed a check-in", "check-in missed", "Check-in missed"),
        NOT_BACK("are not back at the expected time", "not back at the expected time", "Not back"),
        NO_ARRIVAL_CALL("have not called to say they arrived", "no arrival call", "No arrival call");

        private final String briefing;
        private final String audit;
        private final String label;

        OverdueReason(String briefing, String audit, String label) {
            this.briefing = briefing;
            this.audit = audit;
            this.label = label;
        }

        /** The safety board's badge. */
        public String label() {
            return label;
        }

        /** Completes "Visiting staff on HV-... " in the office's briefing. */
        public String briefing() {
            return briefing;
        }

        /** The audit entry's detail. */
        public String audit() {
            return audit;
        }
    }

    public static final class Outcomes {
        /** "Contact made: they are safe": closes the chain unless there is cause for concern. */
        public static final String SAFE = "safe";
        public static final String NO_CONTACT = "noContact";

        private Outcomes() {
        }
    }

    public static final class Variables {
        public static final ProcessVariable<String> VISIT_REFERENCE = ProcessVariable.of("visitReference", String.class);
        public static final ProcessVariable<String> SCHOOL_ID = ProcessVariable.of("schoolId", String.class);
        public static final ProcessVariable<String> PUPIL_ID = ProcessVariable.of("pupilId", String.class);
        /** Ends every user task's name (workflow.TaskSubject): set when the process starts. */
        public static final ProcessVariable<String> TASK_SUBJECT = TaskSubject.VARIABLE;
        /** Comma-separated Camunda user ids of the staff on the visit. */
        public static final ProcessVariable<String> STAFF_USER_IDS = ProcessVariable.of("staffUserIds", String.class);
        /** Who is out with the mobiles the plan gave, outside-agency companion included (see {@link SafetyBriefing#people}). */
        public static final ProcessVariable<String> PEOPLE = ProcessVariable.of("people", String.class);
        /**
         * The mobile the plan gave each member of staff on the visit, as JSON {userId: mobile} (see
         * {@link SafetyBriefing#planMobiles}): their reminders go there. Absent in watches started before it existed.
         */
        public static final ProcessVariable<String> STAFF_MOBILES = ProcessVariable.of("staffMobiles", String.class);
        public static final ProcessVariable<String> ADDRESS = ProcessVariable.of("address", String.class);
        public static final ProcessVariable<String> TRANSPORT = ProcessVariable.of("transport", String.class);
        public static final ProcessVariable<String> SIGNED_OUT_BY = ProcessVariable.of("signedOutBy", String.class);
        public static final ProcessVariable<Date> EXPECTED_BACK_AT = ProcessVariable.of("expectedBackAt", Date.class);
        /** The appointment, or for an unannounced visit the planned arrival; null if the plan gave none. */
        public static final ProcessVariable<Date> EXPECTED_ARRIVAL_AT = ProcessVariable.of("expectedArrivalAt", Date.class);
        /** Copied from safety.arrivalCall: whether the policy asks for an arrival call. */
        public static final ProcessVariable<Boolean> ARRIVAL_CALL = ProcessVariable.of("arrivalCall", Boolean.class);
        /** Until when the watch on the way waits for "Arrived" (see {@link ArrivalCall}). */
        public static final ProcessVariable<Date> ARRIVAL_CALL_DUE_AT = ProcessVariable.of("arrivalCallDueAt", Date.class);

        /** Copied from the policy when the watch starts (ISO-8601 durations), so a running watch keeps its rules. */
        public static final ProcessVariable<String> POLICY_VERSION = ProcessVariable.of("policyVersion", String.class);
        public static final ProcessVariable<String> CHECK_IN_INTERVAL = ProcessVariable.of("checkInInterval", String.class);
        public static final ProcessVariable<String> CHECK_IN_REMINDER_BEFORE = ProcessVariable.of("checkInReminderBefore", String.class);
        /** The overdue chain with each step's catalogue entry, as JSON (see {@link OverdueChain}). */
        public static final ProcessVariable<String> OVERDUE_CHAIN = ProcessVariable.of("overdueChain", String.class);

        public static final ProcessVariable<String> PHASE = ProcessVariable.of("phase", String.class);
        public static final ProcessVariable<Date> LAST_CHECK_IN_AT = ProcessVariable.of("lastCheckInAt", Date.class);
        /** The check-in clock: when the next check-in is due, and when the staff are reminded of it. */
        public static final ProcessVariable<Date> NEXT_CHECK_IN_DUE_AT = ProcessVariable.of("nextCheckInDueAt", Date.class);
        public static final ProcessVariable<Date> CHECK_IN_REMINDER_AT = ProcessVariable.of("checkInReminderAt", Date.class);
        public static final ProcessVariable<String> LAST_CHECK_IN_TYPE = ProcessVariable.of("lastCheckInType", String.class);
        /** Input parameter of the record tasks: which check-in arrived. */
        public static final ProcessVariable<String> CHECK_IN_TYPE = ProcessVariable.of("checkInType", String.class);

        /** Input parameter of the tasks that start the chain: why the staff are overdue. */
        public static final ProcessVariable<String> REASON_FOUND = ProcessVariable.of("reasonFound", String.class);
        public static final ProcessVariable<String> OVERDUE_REASON = ProcessVariable.of("overdueReason", String.class);
        public static final ProcessVariable<Integer> OVERDUE_STEP_INDEX = ProcessVariable.of("overdueStepIndex", Integer.class);
        public static final ProcessVariable<String> OVERDUE_ACTION = ProcessVariable.of("overdueAction", String.class);
        /** The current step's catalogue entry, for its task (name, candidate group, priority) and form. */
        public static final ProcessVariable<String> OVERDUE_STEP_TITLE = ProcessVariable.of("overdueStepTitle", String.class);
        public static final ProcessVariable<String> OVERDUE_STEP_INSTRUCTIONS = ProcessVariable.of("overdueStepInstructions", String.class);
        public static final ProcessVariable<String> OVERDUE_STEP_GROUP = ProcessVariable.of("overdueStepGroup", String.class);
        public static final ProcessVariable<Integer> OVERDUE_STEP_PRIORITY = ProcessVariable.of("overdueStepPriority", Integer.class);
        /** False when no further step's condition holds for what the last step found: the chain ends. */
        public static final ProcessVariable<Boolean> OVERDUE_STEP_TAKEN = ProcessVariable.of("overdueStepTaken", Boolean.class);
        public static final ProcessVariable<String> OVERDUE_STEP_DEADLINE = ProcessVariable.of("overdueStepDeadline", String.class);
        public static final ProcessVariable<Date> OVERDUE_STEP_DUE_AT = ProcessVariable.of("overdueStepDueAt", Date.class);
        /** Everything the office or the police need: names, phones, address, vehicle, last contact. */
        public static final ProcessVariable<String> BRIEFING = ProcessVariable.of("safetyBriefing", String.class);
        /** Form fields of the overdue steps. */
        public static final ProcessVariable<String> OVERDUE_OUTCOME = ProcessVariable.of("overdueOutcome", String.class);
        public static final ProcessVariable<String> OVERDUE_NOTE = ProcessVariable.of("overdueNote", String.class);
        public static final ProcessVariable<Boolean> CAUSE_FOR_CONCERN = ProcessVariable.of("causeForConcern", Boolean.class);
        /** Derived when a step is completed: contact made and no cause for concern, so the chain closes. */
        public static final ProcessVariable<Boolean> OVERDUE_STAFF_SAFE = ProcessVariable.of("overdueStaffSafe", Boolean.class);
        /** Who completed the last overdue step (set when the task is completed). */
        public static final ProcessVariable<String> OVERDUE_STEP_DONE_BY = ProcessVariable.of("overdueStepDoneBy", String.class);

        /**
         * True in a drill's watch (see {@link Drills}): every task, alert, board row and briefing says DRILL, the
         * numbers outside the school are only named ("DRILL: you would ring 999 now"), the staff are never texted.
         */
        public static final ProcessVariable<Boolean> DRILL = ProcessVariable.of("drill", Boolean.class);

        public static final ProcessVariable<Date> EMERGENCY_RAISED_AT = ProcessVariable.of("emergencyRaisedAt", Date.class);
        public static final ProcessVariable<String> POLICE_REFERENCE = ProcessVariable.of("policeReference", String.class);
        public static final ProcessVariable<String> EMERGENCY_NOTE = ProcessVariable.of("emergencyNote", String.class);

        private Variables() {
        }
    }

    private StaffSafetyProcess() {
    }
}
