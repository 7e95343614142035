package org.doorstep.trigger;

import org.doorstep.workflow.ProcessVariable;
import org.doorstep.workflow.TaskSubject;

/**
 * The weekly visit list (bpmn/weekly-visit-list.bpmn) where a school's policy asks for one
 * (authorisation.visitListRequired): compiled from the open cases' held visits, signed by the
 * policy's signer group, and only then are the visits started. Business key: the list reference.
 */
public final class WeeklyVisitListProcess {

    public static final String KEY = "weekly-visit-list";

    public static final class Elements {
        public static final String START = "Event_VisitListCompiled";
        public static final String SIGN = "Task_SignVisitList";
        public static final String GATEWAY_SIGNED = "Gateway_Signed";
        public static final String RELEASE = "Task_ReleaseVisits";
        public static final String RETURN = "Task_ReturnVisitList";
        public static final String END_RELEASED = "Event_VisitsReleased";
        public static final String END_RETURNED = "Event_VisitListReturned";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final ProcessVariable<String> VISIT_LIST_REFERENCE = ProcessVariable.of("visitListReference", String.class);
        public static final ProcessVariable<String> SCHOOL_ID = ProcessVariable.of("schoolId", String.class);
        /** Ends every user task's name (workflow.TaskSubject): set when the process starts. */
        public static final ProcessVariable<String> TASK_SUBJECT = TaskSubject.VARIABLE;
        public static final ProcessVariable<String> SIGNER_GROUP = ProcessVariable.of("visitListSignerGroup", String.class);
        public static final ProcessVariable<String> VISIT_LIST_TEXT = ProcessVariable.of("visitListText", String.class);
        public static final ProcessVariable<String> DECISION = ProcessVariable.of("visitListDecision", String.class);
        public static final ProcessVariable<String> COMMENT = ProcessVariable.of("visitListComment", String.class);

        private Variables() {
        }
    }

    public static final String SIGNED = "signed";

    private WeeklyVisitListProcess() {
    }
}
