package org.doorstep.visit;

import org.doorstep.workflow.ProcessVariable;

/**
 * The home-visit process (bpmn/home-visit.bpmn): its key, element ids and typed variables, named
 * once. Delegates, services and tests use these names, never string literals.
 */
public final class HomeVisitProcess {

    public static final String KEY = "home-visit";

    public static final class Elements {
        public static final String START = "Event_VisitRequested";
        public static final String APPLY_POLICY = "Task_ApplyPolicyProfile";
        public static final String AUTHORISE = "Task_AuthoriseVisit";
        public static final String GATEWAY_AUTHORISED = "Gateway_Authorised";
        public static final String END_REJECTED = "Event_VisitRejected";
        public static final String END_AUTHORISED = "Event_VisitAuthorised";

        private Elements() {
        }
    }

    public static final class Variables {
        public static final ProcessVariable<String> VISIT_REFERENCE = ProcessVariable.of("visitReference", String.class);
        public static final ProcessVariable<String> SCHOOL_ID = ProcessVariable.of("schoolId", String.class);
        public static final ProcessVariable<String> PUPIL_ID = ProcessVariable.of("pupilId", String.class);
        public static final ProcessVariable<String> PUPIL_NAME = ProcessVariable.of("pupilName", String.class);
        public static final ProcessVariable<String> REASON = ProcessVariable.of("reason", String.class);
        public static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.of("requestedBy", String.class);

        /** Copied from the school's policy profile when the visit starts; the visit keeps these rules. */
        public static final ProcessVariable<String> POLICY_VERSION = ProcessVariable.of("policyVersion", String.class);
        public static final ProcessVariable<String> AUTHORISER_GROUP = ProcessVariable.of("authoriserGroup", String.class);

        public static final ProcessVariable<String> AUTHORISATION_DECISION = ProcessVariable.of("authorisationDecision", String.class);
        public static final ProcessVariable<String> AUTHORISATION_COMMENT = ProcessVariable.of("authorisationComment", String.class);

        private Variables() {
        }
    }

    private HomeVisitProcess() {
    }
}
