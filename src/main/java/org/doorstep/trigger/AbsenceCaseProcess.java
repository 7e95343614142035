package org.doorstep.trigger;

import java.util.List;
import org.doorstep.workflow.ProcessVariable;

/**
 * The absence case (bpmn/absence-case.bpmn): one instance per pupil absence episode, its business
 * key the case reference (AC-pupil-date). The daily evaluation opens it already at the actions due that
 * day (each event subprocess's start event, {@link Elements#startOf}) and sends an open case one message per
 * action due later; the case ends when the child is seen or returns.
 */
public final class AbsenceCaseProcess {

    public static final String KEY = "absence-case";

    public static final class Elements {
        public static final String START = "Event_AbsenceCaseOpened";
        public static final String APPLY_POLICY = "Task_ApplyCasePolicy";
        public static final String WAIT_FOR_CHILD = "Event_ChildSeen";
        public static final String CLOSE = "Task_CloseCase";
        public static final String END = "Event_CaseClosed";
        public static final String LOG_CONTACT_ATTEMPTS = "Task_LogContactAttempts";
        public static final String RECORD_CONTACT_ATTEMPTS = "Task_RecordContactAttempts";
        public static final String REQUEST_SAFE_AND_WELL_VISIT = "Task_RequestSafeAndWellVisit";
        public static final String REQUEST_MANDATORY_VISIT = "Task_RequestMandatoryVisit";
        public static final String DSL_REVIEW = "Task_DslReview";
        public static final String PNAR_NOTIFICATION = "Task_PnarNotification";
        public static final String CME_REFERRAL = "Task_CmeReferral";
        public static final String CONSIDER_LEGAL_ACTION = "Task_ConsiderLegalAction";
        public static final String DECIDE_ON_MISSED_MUST_VISIT = "Task_DecideOnMissedMustVisit";
        public static final String REPLAN_MUST_VISIT = "Task_ReplanMustVisit";
        public static final String LEAVE_MUST_VISIT_DUTY_OPEN = "Task_LeaveMustVisitDutyOpen";

        /**
         * Where a case opened with this action due starts it: the start event of the action's event subprocess,
         * the element its message would trigger, so the case's tasks, listeners and history are those of a
         * correlation without a second command (AbsenceCases#open).
         */
        static String startOf(TriggerAction action) {
            return switch (action) {
                case CONTACT_ATTEMPTS -> "Event_ContactAttemptsDue";
                case SAFE_AND_WELL_VISIT -> "Event_SafeAndWellVisitDue";
                case MANDATORY_VISIT -> "Event_MandatoryVisitDue";
                case DSL_REVIEW -> "Event_DslReviewDue";
                case PNAR -> "Event_PnarDue";
                case CME_REFERRAL -> "Event_CmeReferralDue";
                case CONSIDER_LEGAL_ACTION -> "Event_LegalActionDue";
            };
        }

        private Elements() {
        }
    }

    /** Message names: one per action the decision can ask for, and one for the end of the episode. */
    public static final class Messages {
        public static final String CHILD_SEEN = "ChildSeen";
        /** A visit the policy says must happen was rejected, cancelled or judged too risky: the DSL decides. */
        public static final String MUST_VISIT_NOT_MADE = "MustVisitNotMade";

        static String dueFor(TriggerAction action) {
            return switch (action) {
                case CONTACT_ATTEMPTS -> "ContactAttemptsDue";
                case SAFE_AND_WELL_VISIT -> "SafeAndWellVisitDue";
                case MANDATORY_VISIT -> "MandatoryVisitDue";
                case DSL_REVIEW -> "DslReviewDue";
                case PNAR -> "PnarDue";
                case CME_REFERRAL -> "CmeReferralDue";
                case CONSIDER_LEGAL_ACTION -> "LegalActionDue";
            };
        }

        private Messages() {
        }
    }

    /**
     * Only what the model, its forms and delegates bind to: the case's other facts (the day it opened, the task
     * subject) are read from absence_case or the business key when a task is created (AbsenceCaseFormWords),
     * and the office's tasks name their fixed group in the model.
     */
    public static final class Variables {
        public static final ProcessVariable<String> CASE_REFERENCE = ProcessVariable.of("caseReference", String.class);
        public static final ProcessVariable<String> SCHOOL_ID = ProcessVariable.of("schoolId", String.class);
        public static final ProcessVariable<String> PUPIL_ID = ProcessVariable.of("pupilId", String.class);
        public static final ProcessVariable<String> PUPIL_NAME = ProcessVariable.of("pupilName", String.class);
        /** The latest decision in words (inputs and reasons), shown on every task form. */
        public static final ProcessVariable<String> DECISION_SUMMARY = ProcessVariable.of("decisionSummary", String.class);

        /** Copied from the school's policy profile when the case opens. */
        public static final ProcessVariable<String> POLICY_VERSION = ProcessVariable.of("policyVersion", String.class);
        public static final ProcessVariable<String> DSL_GROUP = ProcessVariable.of("dslGroup", String.class);
        public static final ProcessVariable<String> AUTHORISER_GROUP = ProcessVariable.of("authoriserGroup", String.class);
        public static final ProcessVariable<Boolean> VISIT_LIST_REQUIRED = ProcessVariable.of("visitListRequired", Boolean.class);

        /** Set on the visit service tasks by input mapping: which need the visit answers. */
        public static final ProcessVariable<String> VISIT_ACTION = ProcessVariable.of("visitAction", String.class);
        /** Set on the referral recording tasks by input mapping: which kind of record they write. */
        public static final ProcessVariable<String> REFERRAL_KIND = ProcessVariable.of("referralKind", String.class);

        /** Contact-attempts form. */
        public static final ProcessVariable<Boolean> ATTEMPTED_PHONE = ProcessVariable.of("attemptedPhone", Boolean.class);
        public static final ProcessVariable<Boolean> ATTEMPTED_TEXT = ProcessVariable.of("attemptedText", Boolean.class);
        public static final ProcessVariable<Boolean> ATTEMPTED_EMAIL = ProcessVariable.of("attemptedEmail", Boolean.class);
        public static final ProcessVariable<Boolean> ATTEMPTED_OTHER_CONTACTS = ProcessVariable.of("attemptedOtherContacts", Boolean.class);
        public static final ProcessVariable<Boolean> SIBLINGS_CHECKED = ProcessVariable.of("siblingsChecked", Boolean.class);
        public static final ProcessVariable<Boolean> FAMILY_REACHED = ProcessVariable.of("familyReached", Boolean.class);
        public static final ProcessVariable<Boolean> REASON_GIVEN = ProcessVariable.of("reasonGiven", Boolean.class);
        public static final ProcessVariable<String> WHEREABOUTS = ProcessVariable.of("whereabouts", String.class);
        public static final ProcessVariable<Boolean> SAFEGUARDING_CONCERN = ProcessVariable.of("safeguardingConcern", Boolean.class);
        public static final ProcessVariable<String> ATTEMPT_NOTES = ProcessVariable.of("attemptNotes", String.class);

        /** Referral forms (DSL review, PNAR, CME, legal action). */
        public static final ProcessVariable<String> REFERRAL_DECISION = ProcessVariable.of("referralDecision", String.class);
        public static final ProcessVariable<String> REFERRAL_SENT_TO = ProcessVariable.of("referralSentTo", String.class);
        public static final ProcessVariable<String> REFERRAL_SUMMARY = ProcessVariable.of("referralSummary", String.class);
        /** May carry safeguarding detail: never written to history (workflow.SensitiveHistory), kept in the case record. */
        public static final List<ProcessVariable<?>> SAFEGUARDING_TEXT = List.of(REFERRAL_SUMMARY);

        /** Set on the "must visit not made" subprocess by the message: which visit, and how it ended. */
        public static final ProcessVariable<String> MISSED_VISIT_REFERENCE = ProcessVariable.of("missedVisitReference", String.class);
        public static final ProcessVariable<String> MISSED_VISIT_STATUS = ProcessVariable.of("missedVisitStatus", String.class);
        /** The DSL's answer: {@link AbsenceCaseProcess#REPLAN} or not now (with the reason in the referral summary). */
        public static final ProcessVariable<String> MUST_VISIT_DECISION = ProcessVariable.of("mustVisitDecision", String.class);

        public static final ProcessVariable<String> CLOSE_REASON = ProcessVariable.of("closeReason", String.class);

        private Variables() {
        }
    }

    /** Values of the whereabouts field on the contact-attempts form. */
    public static final String WHEREABOUTS_UNKNOWN = "unknown";

    /** The record kind of the DSL's decision on a must visit not made. */
    public static final String MUST_VISIT_NOT_MADE_RECORD = "MUST_VISIT_NOT_MADE";

    /** The DSL's answer to a must visit not made that requests it again now. */
    public static final String REPLAN = "replan";

    private AbsenceCaseProcess() {
    }
}
