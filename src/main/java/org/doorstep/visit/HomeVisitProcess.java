package org.doorstep.visit;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.doorstep.workflow.ProcessVariable;
import org.doorstep.workflow.TaskSubject;

/**
 * The home-visit process (bpmn/home-visit.bpmn): its key, element ids, messages and typed
 * variables, named once. Delegates, services and tests use these names, never string literals.
 */
public final class HomeVisitProcess {

    public static final String KEY = "home-visit";
    public static final String RISK_DECISION_KEY = "visit-risk";

    /** Messages of the shared contract (docs/architecture.md), correlated by business key. */
    public static final class Messages {
        public static final String STAFF_ARRIVED = "StaffArrived";
        public static final String STAFF_LEAVING = "StaffLeaving";
        public static final String STAFF_TURNED_BACK = "StaffTurnedBack";
        /**
         * Carried by StaffLeaving when staff chose "Leaving: I feel unsafe" (the check-in WITHDREW_UNSAFE): who
         * sent it. The visit then ends "withdrew: felt unsafe". Same name as StaffSafetyProcess.Messages.WITHDREW_UNSAFE_BY.
         */
        public static final String WITHDREW_UNSAFE_BY = "withdrewUnsafeBy";

        private Messages() {
        }
    }

    public static final class Elements {
        public static final String START = "Event_VisitRequested";
        public static final String APPLY_POLICY = "Task_ApplyPolicyProfile";
        public static final String AUTHORISE = "Task_AuthoriseVisit";
        public static final String GATEWAY_AUTHORISED = "Gateway_Authorised";
        public static final String AMEND_REQUEST = "Task_AmendRequest";
        public static final String DSL_AUTHORISE = "Task_DslAuthoriseVisit";
        public static final String END_REJECTED = "Event_VisitRejected";
        public static final String FIND_PREVIOUS_ASSESSMENT = "Task_FindPreviousAssessment";
        public static final String ASSESS_RISK = "Task_AssessRisk";
        public static final String DECIDE_RISK = "Task_DecideRisk";
        public static final String RECORD_RISK = "Task_RecordRiskAssessment";
        public static final String SENIOR_RISK_DECISION = "Task_SeniorRiskDecision";
        public static final String ASK_POLICE_WELFARE_CHECK = "Task_AskPoliceWelfareCheck";
        public static final String END_MEETING_INSTEAD = "Event_MeetingInstead";
        public static final String END_POLICE_WELFARE_CHECK = "Event_PoliceWelfareCheckAsked";
        public static final String END_NOT_VISITED = "Event_NotVisited";
        /** Why the visit will not be made, in writing to whom the policy names (visit.cancellationReportedTo). */
        public static final String READ_NOT_VISITED_REPORT = "Task_ReadNotVisitedReport";
        public static final String PLAN = "Task_PlanVisit";
        public static final String INFORM_SOCIAL_WORKER = "Task_InformSocialWorker";
        public static final String SIGN_OUT = "Task_SignOut";
        public static final String RECORD_DEPARTURE = "Task_RecordDeparture";
        /** On the way: the staff arrive, or turn back before arriving. */
        public static final String GATEWAY_ON_THE_WAY = "Gateway_OnTheWay";
        public static final String STAFF_ARRIVED = "Event_StaffArrived";
        public static final String STAFF_TURNED_BACK = "Event_StaffTurnedBack";
        /** The lead's task after turning back: plan the visit again, or cancel it. */
        public static final String REPLAN_OR_CANCEL = "Task_ReplanOrCancel";
        public static final String END_CANCELLED_ON_THE_WAY = "Event_CancelledOnTheWay";
        public static final String WAIT_FOR_PARENT = "Task_WaitForParent";
        public static final String PARENT_WAIT_OVER = "Event_ParentWaitOver";
        public static final String WAIT_FOR_LATE_PARENT = "Task_WaitForLateParent";
        /** The parent did not come: does the school let this visit go ahead without them (Thomas More)? */
        public static final String GATEWAY_ENTRY_WITHOUT_PARENT = "Gateway_EntryWithoutParent";
        public static final String SEE_WHO_ANSWERS = "Task_SeeWhoAnswers";
        public static final String GATEWAY_ANYBODY_ANSWERED = "Gateway_AnybodyAnswered";
        public static final String LATE_LIMIT_REACHED = "Event_LateLimitReached";
        public static final String DECIDE_ENTRY = "Task_DecideEntry";
        /** Not going in: was a child alone, or did staff see a safeguarding concern at the door? */
        public static final String GATEWAY_CHILD_AT_RISK = "Gateway_ChildAtRisk";
        public static final String FILE_CONCERN_AT_DOOR = "Task_FileConcernAtDoor";
        /** The safeguarding lead's top-priority task, opened as the door answers are given (Burgh 8, William Lilley). */
        public static final String DSL_ACT_ON_CONCERN_AT_DOOR = "Task_DslActOnConcernAtDoor";
        public static final String END_DSL_ACTED_ON_CONCERN = "Event_DslActedOnConcern";
        /** visit.noticeWhenEntryRefused: Burgh 9 leaves the card when entry is refused too. */
        public static final String GATEWAY_NOTICE_WHEN_REFUSED = "Gateway_NoticeWhenRefused";
        public static final String PRODUCE_NOTICE = "Task_ProduceNotice";
        public static final String POST_NOTICE = "Task_PostNotice";
        public static final String RECORD_CANCELLATION = "Task_RecordCancellation";
        public static final String READ_CANCELLATION_REPORT = "Task_ReadCancellationReport";
        /** Thomas More: the social worker is told immediately after a visit that ended at the door, too. */
        public static final String INFORM_SOCIAL_WORKER_AFTER_CANCELLATION = "Task_InformSocialWorkerAfterCancellation";
        public static final String END_CANCELLED = "Event_VisitCancelled";
        public static final String VISIT_IN_PROGRESS = "SubProcess_VisitInProgress";
        public static final String STAFF_LEAVING = "Event_StaffLeaving";
        /** "Leaving: I feel unsafe" ends the visit in progress (Burgh 4, 8; William Lilley "During"). */
        public static final String STAFF_WITHDREW = "Event_StaffWithdrew";
        public static final String RECORD_WITHDRAWAL = "Task_RecordWithdrawal";
        public static final String READ_WITHDRAWAL_REPORT = "Task_ReadWithdrawalReport";
        public static final String END_WITHDRAWN = "Event_VisitWithdrawn";
        public static final String RECORD_VISIT = "Task_RecordVisit";
        public static final String FILE_RECORD = "Task_FileVisitRecord";
        public static final String DSL_REVIEW = "Task_DslReview";
        public static final String INFORM_SOCIAL_WORKER_AFTER = "Task_InformSocialWorkerAfter";
        public static final String AGREEMENT_CHECK_DUE = "Event_AgreementCheckDue";
        public static final String CHECK_AGREEMENTS = "Task_CheckAgreements";
        public static final String SEND_REMINDER = "Task_SendReminderLetter";
        public static final String START_FOLLOW_UP_VISIT = "Task_StartFollowUpVisit";
        public static final String END_FOLLOW_UP_VISIT_STARTED = "Event_FollowUpVisitStarted";
        public static final String END_COMPLETED = "Event_VisitCompleted";

        private Elements() {
        }
    }

    public static final class Variables {
        // 1. Request
        public static final ProcessVariable<String> VISIT_REFERENCE = ProcessVariable.of("visitReference", String.class);
        public static final ProcessVariable<String> SCHOOL_ID = ProcessVariable.of("schoolId", String.class);
        public static final ProcessVariable<String> PUPIL_ID = ProcessVariable.of("pupilId", String.class);
        public static final ProcessVariable<String> PUPIL_NAME = ProcessVariable.of("pupilName", String.class);
        /** Ends every user task's name (workflow.TaskSubject): set when the process starts. */
        public static final ProcessVariable<String> TASK_SUBJECT = TaskSubject.VARIABLE;
        /**
         * Where the visit happens: the pupil's home until the plan chooses another venue, then that venue
         * (name and address). The one address the sign-out, the safety watch, notices and the audit use.
         */
        public static final ProcessVariable<String> VISIT_ADDRESS = ProcessVariable.of("visitAddress", String.class);
        public static final ProcessVariable<String> REASON = ProcessVariable.of("reason", String.class);
        public static final ProcessVariable<Boolean> HAS_SOCIAL_WORKER = ProcessVariable.of("hasSocialWorker", Boolean.class);
        public static final ProcessVariable<Boolean> ANNOUNCED = ProcessVariable.of("announced", Boolean.class);
        /** Reason is safeguarding, or the pupil is known to social care: the DSL co-authorises. */
        public static final ProcessVariable<Boolean> SAFEGUARDING_INVOLVED = ProcessVariable.of("safeguardingInvolved", Boolean.class);

        // The visit's rules (VisitRules) as the forms read them: set task-local by VisitFormWords on the task
        // whose form mentions them. venueOptions was a process variable before V140, still read for a visit started then.
        /** The assessor may send a visit the table rates low to the senior decision (Burgh 7: "any reasonable doubt"). */
        public static final ProcessVariable<Boolean> ASSESSOR_MAY_ESCALATE = ProcessVariable.of("assessorMayEscalate", Boolean.class);
        /**
         * The school's venue kinds as form options ([{label, value}], an object serialised as JSON so the
         * form's select reads it): the plan's venueKind is one of them.
         */
        @SuppressWarnings({"unchecked", "rawtypes"})
        public static final ProcessVariable<List<Map<String, String>>> VENUE_OPTIONS = ProcessVariable.of("venueOptions", (Class) List.class);
        /** The school offers more than the home: the plan asks where the visit happens. */
        public static final ProcessVariable<Boolean> VENUE_CHOICE = ProcessVariable.of("venueChoice", Boolean.class);
        public static final ProcessVariable<Boolean> PROTECTION_REGISTER_CHECK = ProcessVariable.of("protectionRegisterCheck", Boolean.class);
        /** The visit's rules name its reason among those that go ahead without the parent: their absence does not cancel it. */
        public static final ProcessVariable<Boolean> ENTRY_WITHOUT_PARENT_ALLOWED = ProcessVariable.of("entryWithoutParentAllowed", Boolean.class);

        // 2. Authorise
        public static final ProcessVariable<String> AUTHORISATION_DECISION = ProcessVariable.of("authorisationDecision", String.class);
        public static final ProcessVariable<String> AUTHORISATION_COMMENT = ProcessVariable.of("authorisationComment", String.class);
        public static final ProcessVariable<String> DSL_AUTHORISATION_DECISION = ProcessVariable.of("dslAuthorisationDecision", String.class);
        public static final ProcessVariable<String> AMENDMENT_NOTE = ProcessVariable.of("amendmentNote", String.class);
        public static final ProcessVariable<String> DSL_AUTHORISATION_COMMENT = ProcessVariable.of("dslAuthorisationComment", String.class);

        // 3. Risk assessment (the hazards of the policies)
        public static final ProcessVariable<Boolean> PREVIOUS_ASSESSMENT_FOUND = ProcessVariable.of("previousAssessmentFound", Boolean.class);
        public static final ProcessVariable<String> PREVIOUS_ASSESSMENT_SUMMARY = ProcessVariable.of("previousAssessmentSummary", String.class);
        public static final ProcessVariable<Boolean> HAZARD_AGGRESSIVE_FAMILY_MEMBER = ProcessVariable.of("hazardAggressiveFamilyMember", Boolean.class);
        public static final ProcessVariable<Boolean> HAZARD_KNOWN_INCIDENTS = ProcessVariable.of("hazardKnownIncidents", Boolean.class);
        public static final ProcessVariable<Boolean> HAZARD_DANGEROUS_ANIMALS = ProcessVariable.of("hazardDangerousAnimals", Boolean.class);
        public static final ProcessVariable<Boolean> HAZARD_DRIVING = ProcessVariable.of("hazardDriving", Boolean.class);
        public static final ProcessVariable<Boolean> HAZARD_PUBLIC_AREAS = ProcessVariable.of("hazardPublicAreas", Boolean.class);
        public static final ProcessVariable<Boolean> HAZARD_ILLNESS_OR_INJURY = ProcessVariable.of("hazardIllnessOrInjury", Boolean.class);
        public static final ProcessVariable<Boolean> HAZARD_LONE_WORKING = ProcessVariable.of("hazardLoneWorking", Boolean.class);
        public static final ProcessVariable<Boolean> PROTECTION_REGISTER_CHECKED = ProcessVariable.of("protectionRegisterChecked", Boolean.class);
        public static final ProcessVariable<Boolean> PROTECTION_REGISTER_HIT = ProcessVariable.of("protectionRegisterHit", Boolean.class);
        public static final ProcessVariable<String> RISK_CONTROLS = ProcessVariable.of("riskControls", String.class);
        /** The assessor has a reasonable doubt about safety: the senior decision is asked whatever the table says (Burgh 7). */
        public static final ProcessVariable<Boolean> ESCALATE_FOR_SENIOR_DECISION = ProcessVariable.of("escalateForSeniorDecision", Boolean.class);

        // 4. Risk decision (outputs of dmn/visit-risk.dmn, copied to typed variables)
        public static final ProcessVariable<String> RISK_LEVEL = ProcessVariable.of("riskLevel", String.class);
        /** The DMN's answer, or the policy's pairing rule when that is stricter. */
        public static final ProcessVariable<Boolean> PAIRED_REQUIRED = ProcessVariable.of("pairedRequired", Boolean.class);
        public static final ProcessVariable<Long> CHECK_IN_MINUTES = ProcessVariable.of("checkInMinutes", Long.class);
        public static final ProcessVariable<Boolean> SENIOR_DECISION_NEEDED = ProcessVariable.of("seniorDecisionNeeded", Boolean.class);
        /** The groups of the party whose decision one senior-decision task asks for (the multi-instance element). */
        public static final ProcessVariable<String> SENIOR_DECISION_PARTY = ProcessVariable.of("seniorDecisionParty", String.class);
        /** One party's decision, as its form submits it (a SeniorOutcome value). */
        public static final ProcessVariable<String> SENIOR_OUTCOME = ProcessVariable.of("seniorOutcome", String.class);
        public static final ProcessVariable<String> SENIOR_CONTROLS = ProcessVariable.of("seniorControls", String.class);
        /** Why a party will not have the visit made. */
        public static final ProcessVariable<String> SENIOR_REASON = ProcessVariable.of("seniorReason", String.class);
        /** The parties' joint decision so far: the most cautious of their answers; the outcome gateway reads it. */
        public static final ProcessVariable<String> AGREED_SENIOR_OUTCOME = ProcessVariable.of("agreedSeniorOutcome", String.class);
        /** Every party's controls, each with who set them: the visit must follow them all. */
        public static final ProcessVariable<String> AGREED_SENIOR_CONTROLS = ProcessVariable.of("agreedSeniorControls", String.class);
        public static final ProcessVariable<String> POLICE_REFERENCE = ProcessVariable.of("policeReference", String.class);

        // 5. Plan
        /** One of the profile's visit.venues; home when the school offers no other. */
        public static final ProcessVariable<String> VENUE_KIND = ProcessVariable.of("venueKind", String.class);
        /** The workplace or venue's name, and its address (any venue but home). */
        public static final ProcessVariable<String> VENUE_NAME = ProcessVariable.of("venueName", String.class);
        public static final ProcessVariable<String> VENUE_ADDRESS = ProcessVariable.of("venueAddress", String.class);
        /** The pupil's home address, kept when visitAddress becomes another venue's. */
        public static final ProcessVariable<String> HOME_ADDRESS = ProcessVariable.of("homeAddress", String.class);
        public static final ProcessVariable<String> LEAD_VISITOR = ProcessVariable.of("leadVisitor", String.class);
        public static final ProcessVariable<String> LEAD_MOBILE = ProcessVariable.of("leadMobile", String.class);
        /** staff, agency or none (lone working). */
        public static final ProcessVariable<String> COMPANION_KIND = ProcessVariable.of("companionKind", String.class);
        /** The second person's name: for a member of staff their user id, copied from {@link #COMPANION_STAFF} by checkVisitPlan. */
        public static final ProcessVariable<String> COMPANION_NAME = ProcessVariable.of("companionName", String.class);
        /** The member of staff picked as second person (companionKind staff), by user id from the school's staff. */
        public static final ProcessVariable<String> COMPANION_STAFF = ProcessVariable.of("companionStaff", String.class);
        /** The outside agency an agency companion works for (asked only for companionKind agency). */
        public static final ProcessVariable<String> COMPANION_ORGANISATION = ProcessVariable.of("companionOrganisation", String.class);
        public static final ProcessVariable<String> COMPANION_MOBILE = ProcessVariable.of("companionMobile", String.class);
        /** car or foot. */
        public static final ProcessVariable<String> TRANSPORT = ProcessVariable.of("transport", String.class);
        public static final ProcessVariable<String> VEHICLE_MAKE = ProcessVariable.of("vehicleMake", String.class);
        public static final ProcessVariable<String> VEHICLE_MODEL = ProcessVariable.of("vehicleModel", String.class);
        public static final ProcessVariable<String> VEHICLE_REGISTRATION = ProcessVariable.of("vehicleRegistration", String.class);
        public static final ProcessVariable<String> VEHICLE_COLOUR = ProcessVariable.of("vehicleColour", String.class);
        public static final ProcessVariable<Boolean> VEHICLE_INSURANCE_CONFIRMED = ProcessVariable.of("vehicleInsuranceConfirmed", Boolean.class);
        public static final ProcessVariable<String> WALKING_ROUTE = ProcessVariable.of("walkingRoute", String.class);
        public static final ProcessVariable<String> APPOINTMENT_TIME = ProcessVariable.of("appointmentTime", String.class);
        public static final ProcessVariable<String> EXPECTED_RETURN_TIME = ProcessVariable.of("expectedReturnTime", String.class);
        public static final ProcessVariable<Boolean> SOCIAL_WORKER_INFORMED_BEFORE = ProcessVariable.of("socialWorkerInformedBefore", Boolean.class);
        public static final ProcessVariable<String> SOCIAL_WORKER_NOT_INFORMED_REASON = ProcessVariable.of("socialWorkerNotInformedReason", String.class);

        // 6. Depart
        public static final ProcessVariable<Boolean> SIGN_OUT_CONFIRMED = ProcessVariable.of("signOutConfirmed", Boolean.class);
        /** After turning back: replan or cancel, and why they turned back. */
        public static final ProcessVariable<String> TURNED_BACK_DECISION = ProcessVariable.of("turnedBackDecision", String.class);
        public static final ProcessVariable<String> TURNED_BACK_REASON = ProcessVariable.of("turnedBackReason", String.class);

        // 7. Arrive and wait
        /** arrived, lateWithNotice, or onlyAChild (a child answered the door alone: the door questions follow). */
        public static final ProcessVariable<String> PARENT_ARRIVAL = ProcessVariable.of("parentArrival", String.class);
        public static final ProcessVariable<Boolean> LATE_PARENT_ARRIVED = ProcessVariable.of("lateParentArrived", Boolean.class);
        /**
         * When the waits at the door end (visit.StartParentWait, on arrival): read by the two timers.
         * The _TIME twins are the same moments on the school's clock, for the wait forms.
         */
        public static final ProcessVariable<Date> PARENT_WAIT_ENDS_AT = ProcessVariable.of("parentWaitEndsAt", Date.class);
        public static final ProcessVariable<String> PARENT_WAIT_ENDS_AT_TIME = ProcessVariable.of("parentWaitEndsAtTime", String.class);
        public static final ProcessVariable<Date> LATE_PARENT_WAIT_ENDS_AT = ProcessVariable.of("lateParentWaitEndsAt", Date.class);
        public static final ProcessVariable<String> LATE_PARENT_WAIT_ENDS_AT_TIME = ProcessVariable.of("lateParentWaitEndsAtTime", String.class);

        // 8. Enter or cancel ("yes" / "no" answers)
        /** After the parent's wait, where the visit may go ahead without them: did anybody answer the door? */
        public static final ProcessVariable<String> ANYBODY_ANSWERED = ProcessVariable.of("anybodyAnswered", String.class);
        public static final ProcessVariable<String> ADULT_PRESENT_AND_INVITES = ProcessVariable.of("adultPresentAndInvites", String.class);
        public static final ProcessVariable<String> NOT_ONLY_CHILD_AT_HOME = ProcessVariable.of("notOnlyChildAtHome", String.class);
        public static final ProcessVariable<String> ANIMALS_SECURED = ProcessVariable.of("animalsSecured", String.class);
        public static final ProcessVariable<String> STAFF_FEEL_SAFE = ProcessVariable.of("staffFeelSafe", String.class);
        public static final ProcessVariable<String> ENTRY_NOTE = ProcessVariable.of("entryNote", String.class);
        /** "yes" when staff saw or heard something at the door that worries them about a child: they do not go in. */
        public static final ProcessVariable<String> CONCERN_AT_DOOR = ProcessVariable.of("concernAtDoor", String.class);
        /** What staff saw at the door: moved into records.VisitNotes (SAFEGUARDING) by fileConcernAtTheDoor. */
        public static final ProcessVariable<String> CONCERN_AT_DOOR_DETAILS = ProcessVariable.of("concernAtDoorDetails", String.class);
        /** Which door answers brought the DSL in, in words (no safeguarding text): shown on the DSL's task. */
        public static final ProcessVariable<String> CONCERN_AT_DOOR_SUMMARY = ProcessVariable.of("concernAtDoorSummary", String.class);
        /** referral, police, advised or noFurtherAction. */
        public static final ProcessVariable<String> DSL_DOOR_ACTION = ProcessVariable.of("dslDoorAction", String.class);
        public static final ProcessVariable<Boolean> NOBODY_ANSWERED = ProcessVariable.of("nobodyAnswered", Boolean.class);
        public static final ProcessVariable<Long> NOTICE_DOCUMENT_ID = ProcessVariable.of("noticeDocumentId", Long.class);
        public static final ProcessVariable<Boolean> NOTICE_POSTED = ProcessVariable.of("noticePosted", Boolean.class);
        public static final ProcessVariable<String> CANCELLATION_REASON = ProcessVariable.of("cancellationReason", String.class);
        public static final ProcessVariable<Boolean> CANCELLATION_REPORT_READ = ProcessVariable.of("cancellationReportRead", Boolean.class);

        // 9. Visit in progress
        /** Who sent "Leaving: I feel unsafe", set by its StaffLeaving message (see {@link Messages#WITHDREW_UNSAFE_BY}). */
        public static final ProcessVariable<String> WITHDREW_UNSAFE_BY = ProcessVariable.of(Messages.WITHDREW_UNSAFE_BY, String.class);

        // 10. Record
        /** "yes" when the staff saw the child: an absence case counts that as eyes on. */
        public static final ProcessVariable<String> CHILD_SEEN = ProcessVariable.of("childSeen", String.class);
        public static final ProcessVariable<String> VISIT_OUTCOME = ProcessVariable.of("visitOutcome", String.class);
        public static final ProcessVariable<String> AGREEMENTS = ProcessVariable.of("agreements", String.class);
        /** ISO date (yyyy-MM-dd); the agreement-check timer fires on it. */
        public static final ProcessVariable<String> AGREEMENT_CHECK_DATE = ProcessVariable.of("agreementCheckDate", String.class);
        public static final ProcessVariable<Boolean> AGREEMENTS_TO_CHECK = ProcessVariable.of("agreementsToCheck", Boolean.class);
        public static final ProcessVariable<String> CONCERNS = ProcessVariable.of("concerns", String.class);
        public static final ProcessVariable<Boolean> SAFEGUARDING_CONCERN = ProcessVariable.of("safeguardingConcern", Boolean.class);
        /** Moved into records.VisitNotes (SAFEGUARDING) and removed from the process by fileVisitRecord. */
        public static final ProcessVariable<String> SAFEGUARDING_DETAILS = ProcessVariable.of("safeguardingDetails", String.class);
        /** Safeguarding text: never written to history (workflow.SensitiveHistory), kept only in the notes. */
        public static final List<ProcessVariable<?>> SAFEGUARDING_TEXT = List.of(SAFEGUARDING_DETAILS, CONCERN_AT_DOOR_DETAILS);
        public static final ProcessVariable<Boolean> TELL_DSL = ProcessVariable.of("tellDsl", Boolean.class);
        public static final ProcessVariable<Boolean> TELL_SENCO = ProcessVariable.of("tellSenco", Boolean.class);
        public static final ProcessVariable<Boolean> TELL_CLASS_TEACHER = ProcessVariable.of("tellClassTeacher", Boolean.class);
        public static final ProcessVariable<String> DSL_REVIEW_ACTION = ProcessVariable.of("dslReviewAction", String.class);
        public static final ProcessVariable<Boolean> SOCIAL_WORKER_INFORMED_AFTER = ProcessVariable.of("socialWorkerInformedAfter", Boolean.class);

        // 11. Follow up
        /** yes or no. */
        public static final ProcessVariable<String> AGREEMENTS_KEPT = ProcessVariable.of("agreementsKept", String.class);
        public static final ProcessVariable<String> NEXT_CHECK_DATE = ProcessVariable.of("nextCheckDate", String.class);
        public static final ProcessVariable<Long> REMINDERS_SENT = ProcessVariable.of("remindersSent", Long.class);
        public static final ProcessVariable<Long> REMINDER_DOCUMENT_ID = ProcessVariable.of("reminderDocumentId", Long.class);
        public static final ProcessVariable<String> FOLLOW_UP_VISIT_REFERENCE = ProcessVariable.of("followUpVisitReference", String.class);

        private Variables() {
        }
    }

    /** Final visit statuses that code or tests name; the model sets them through {@code visitStatus.end}. */
    public static final class Statuses {
        /** Staff left during the visit because they felt unsafe. */
        public static final String WITHDREW_UNSAFE = "WITHDREW_UNSAFE";

        private Statuses() {
        }
    }

    private HomeVisitProcess() {
    }
}
