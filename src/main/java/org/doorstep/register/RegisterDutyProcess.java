package org.doorstep.register;

import java.util.Date;
import org.doorstep.workflow.ProcessVariable;
import org.doorstep.workflow.TaskSubject;

/**
 * A register duty (bpmn/register-duty.bpmn): one instance per duty, its business key the duty reference
 * (RD-id). The duty's kind picks its task: the office finds the reason for an N, the office checks a new
 * pupil's return before Doorstep sends it to the local authority, or the headteacher decides on a
 * deletion ground with its evidence. The N task and the deletion task close themselves when the register
 * overtakes them (the N replaced, the pupil back).
 */
public final class RegisterDutyProcess {

    public static final String KEY = "register-duty";

    public static final class Elements {
        public static final String START = "Event_DutyOpened";
        public static final String WHICH_DUTY = "Gateway_WhichDuty";
        public static final String FIND_REASON_FOR_N = "Task_FindReasonForN";
        public static final String N_REPLACED = "Event_NReplaced";
        public static final String NOTIFY_LOCAL_AUTHORITY = "Task_NotifyLocalAuthority";
        public static final String SEND_NEW_PUPIL_RETURN = "Task_SendNewPupilReturn";
        public static final String DECIDE_ON_DELETION = "Task_DecideOnDeletion";
        public static final String PUPIL_BACK = "Event_PupilBack";
        public static final String CLOSE = "Task_CloseDuty";
        public static final String END = "Event_DutyClosed";

        private Elements() {
        }
    }

    public static final class Messages {
        /** The register overtook the task: the N was replaced, or the pupil attended again. */
        public static final String DUTY_MET = "RegisterDutyMet";

        private Messages() {
        }
    }

    public static final class Variables {
        public static final ProcessVariable<Long> DUTY_ID = ProcessVariable.of("registerDutyId", Long.class);
        public static final ProcessVariable<String> DUTY_KIND = ProcessVariable.of("dutyKind", String.class);
        public static final ProcessVariable<String> SCHOOL_ID = ProcessVariable.of("schoolId", String.class);
        public static final ProcessVariable<String> PUPIL_ID = ProcessVariable.of("pupilId", String.class);
        /** Ends every user task's name (workflow.TaskSubject): set when the process starts. */
        public static final ProcessVariable<String> TASK_SUBJECT = TaskSubject.VARIABLE;
        /** The day the duty is about, in words ("Thu 5 Nov 2026"): the N's, the entry's, the start of the absence. */
        public static final ProcessVariable<String> ABOUT_DAY = ProcessVariable.of("dutyAboutDay", String.class);
        /** The deadline day in words, for the new pupil task's name. */
        public static final ProcessVariable<String> DUE_DAY = ProcessVariable.of("dutyDueDay", String.class);
        /** A deletion's ground in words, for the headteacher's task name. */
        public static final ProcessVariable<String> GROUND = ProcessVariable.of("deletionGround", String.class);
        /** The task's due date in Tasklist: the end of the deadline day, school time. */
        public static final ProcessVariable<Date> DUTY_DUE = ProcessVariable.of("dutyDue", Date.class);
        /** The rule, its source and the facts it rests on, in words, shown on the task's form. */
        public static final ProcessVariable<String> EVIDENCE = ProcessVariable.of("dutyEvidence", String.class);
        public static final ProcessVariable<String> OFFICE_GROUP = ProcessVariable.of("officeGroup", String.class);
        public static final ProcessVariable<String> HEADTEACHER_GROUP = ProcessVariable.of("headteacherGroup", String.class);

        /** Forms: what was done (office), the reason for keeping a name (headteacher). */
        public static final ProcessVariable<String> NOTES = ProcessVariable.of("dutyNotes", String.class);
        /** The headteacher's decision: {@link RegisterDutyProcess#DELETE} or {@link RegisterDutyProcess#KEEP}. */
        public static final ProcessVariable<String> DELETION_DECISION = ProcessVariable.of("deletionDecision", String.class);
        /** Set by the message when the register overtook the task. */
        public static final ProcessVariable<String> OVERTAKEN_BY = ProcessVariable.of("overtakenBy", String.class);

        private Variables() {
        }
    }

    public static final String DELETE = "delete";
    public static final String KEEP = "keep";

    private RegisterDutyProcess() {
    }
}
