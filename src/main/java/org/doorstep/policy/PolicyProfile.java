package org.doorstep.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One school's home-visit policy as data: every setting the processes and decisions read. Where a
 * policy is silent the profile carries the safe default of the policy matrix
 * (shared/policy-matrix.md, last column); see {@link PolicyDefaults}.
 */
public record PolicyProfile(
        String id,
        String schoolName,
        String version,
        Authorisation authorisation,
        RiskAssessment riskAssessment,
        Visit visit,
        Safety safety,
        Triggers triggers,
        Penalties penalties,
        Map<String, String> formClauses,
        RegisterReturns registerReturns,
        Retention retention) {

    /**
     * Where the register returns go (School Attendance (Pupil Registration) (England) Regulations 2024,
     * reg. 13). Absent from a profile: no address, and the office sends the return itself.
     */
    public record RegisterReturns(String localAuthorityEmail) {
    }

    /** Who may let a visit happen, and who signs the weekly visit list where the policy asks for one. */
    public record Authorisation(
            String authoriserGroup,
            String safeguardingCoAuthoriserGroup,
            boolean visitListRequired,
            String visitListSignerGroup) {
    }

    /**
     * @param seniorDecisionGroups who must agree on a high-risk visit: one entry per party, each the
     *                             groups any member of which decides for that party; every party must
     *                             agree (Lynnfield 3: the Executive Head or Deputy, and the DSL)
     * @param assessorMayEscalate  the assessor may send a visit the table rates low to the senior
     *                             decision on any reasonable doubt (Burgh 7)
     */
    public record RiskAssessment(
            String assessorGroup,
            boolean protectionRegisterCheck,
            boolean reusePreviousAssessment,
            List<List<String>> seniorDecisionGroups,
            boolean assessorMayEscalate) {
    }

    public record Visit(
            Pairing pairing,
            boolean outsideAgencyPartnerAllowed,
            Appointment appointment,
            Duration parentWait,
            Duration lateParentLimit,
            List<String> entryWithoutParentForReasons,
            NoAnswerNotice noAnswerNotice,
            boolean noticeWhenEntryRefused,
            List<String> cancellationReportedTo,
            Map<String, String> venues,
            List<DoorRule> doorGuidance) {
    }

    /**
     * One rule staff must keep at the door and inside the home, in the school's words, with the clause
     * it comes from ("Burgh 8"): shown on the check-in page and in the door forms.
     */
    public record DoorRule(String rule, String source) {
    }

    /**
     * The venue kind every catalogue has: the pupil's home address. Other kinds (a workplace, another
     * agreed venue) are named and given an address in the plan.
     */
    public static final String HOME_VENUE = "home";

    /**
     * @param arrivalCall      the policy asks staff to call the office on arrival: no call by the
     *                         appointment (or planned arrival) plus {@code arrivalCallGrace} alerts the office
     * @param arrivalCallGrace how long after the appointment the arrival call may still come
     * @param actions          the catalogue the chain's steps name, by action id (defaults declare the
     *                         standard ones; a school's file may change one or add its own)
     */
    public record Safety(
            boolean arrivalCall,
            Duration arrivalCallGrace,
            Duration checkInInterval,
            Duration checkInReminderBefore,
            List<OverdueStep> overdueChain,
            Duration assumedVisitLength,
            Map<String, OverdueAction> actions) {
    }

    /** One step of what the office does when staff do not come back: an action of the catalogue, with how long it has. */
    public record OverdueStep(String action, Duration deadline) {
    }

    /**
     * One action of the overdue catalogue: what the step's task says and who gets it, who else is
     * alerted and how, whose number the briefing puts first, and when the step is taken at all.
     *
     * @param group     the task's candidate group
     * @param alerted   the groups e-mailed (and texted, if {@code text}) when the step starts
     * @param ring      whose number the briefing puts first; {@link Ring#NUMBER} rings {@code number}
     * @param takenWhen what the previous step must have found for this one to be taken
     */
    public record OverdueAction(
            String title,
            String instructions,
            String group,
            List<String> alerted,
            int priority,
            boolean text,
            Ring ring,
            String number,
            StepCondition takenWhen) {
    }

    public record Triggers(
            int contactAttemptsFromDay,
            int safeAndWellVisitFromDay,
            int safeAndWellVisitFromDayWhenVulnerable,
            int maxSchoolDaysWithoutEyesOn,
            int consecutiveUnauthorisedDaysForLocalAuthority,
            int attendanceThresholdPercent,
            int attendanceWindowMonths,
            int minimumSessionsForAttendancePercent,
            int unauthorisedSessionsForNotice,
            int unauthorisedSessionsWindowWeeks,
            List<String> mustVisits) {
    }

    /**
     * The local authority's code of conduct for penalty notices (Working together to improve school
     * attendance, 2024: each authority publishes one within the national framework).
     *
     * @param codeOfConduct          whose code, named so that a reader can check it
     * @param noticesToImprove       whether the authority sends a notice to improve before a first penalty
     * @param improvementPeriodWeeks how long a notice to improve gives the parent (the guidance: 3 to 6 weeks)
     */
    public record Penalties(String codeOfConduct, boolean noticesToImprove, int improvementPeriodWeeks) {
    }

    /**
     * How long the records the law leaves to the school are kept (retention.RecordKind declares the
     * rules the law sets: child-protection records to the 25th birthday, register entries 6 years).
     *
     * @param visitRecordsYears          years after a visit ended (its notes, documents, check-ins, process history)
     * @param absenceCasesYears          years after an absence case closed (its actions, contact attempts, history)
     * @param pupilRecordYearsAfterLeaving years after the pupil left before the pupil and contacts go, once nothing
     *                                   else of theirs remains (never before the 25th birthday)
     */
    public record Retention(int visitRecordsYears, int absenceCasesYears, int pupilRecordYearsAfterLeaving) {
    }

    public enum Pairing {
        /** Two people always go (two staff, or staff and another agency's professional where allowed). */
        ALWAYS,
        /** Paired where the risk decision says so; lone working otherwise. */
        WHEN_RISK_REQUIRES
    }

    public enum Appointment {
        /** No entry without an appointment made in advance and the parent present. */
        REQUIRED,
        /** Announced by default; unannounced visits allowed. */
        PREFERRED,
        /** Often unannounced. */
        OPTIONAL
    }

    public enum NoAnswerNotice {
        CALLING_CARD,
        ADVICE_SLIP,
        LETTER
    }

    /** Whose number an overdue step's briefing puts first. */
    public enum Ring {
        VISITING_STAFF,
        PUPILS_HOME,
        POLICE,
        NUMBER
    }

    /**
     * When a step of the overdue chain is taken, judged on what the previous step recorded (whether
     * contact was made, whether there is cause for concern). Contact made with no cause for concern
     * closes the chain before any condition is asked.
     */
    public enum StepCondition {
        /** "If contact is not possible" (William Lilley: Reception rings the pupil's home). */
        NO_CONTACT,
        /** "If contact has not been made or there is any cause for concern" (William Lilley: SLT). */
        NO_CONTACT_OR_CONCERN,
        /** "If there is no answer and reasonable cause for concern" (Thomas More: the police). */
        NO_CONTACT_AND_CONCERN;

        public boolean holds(boolean contactMade, boolean causeForConcern) {
            return switch (this) {
                case NO_CONTACT -> !contactMade;
                case NO_CONTACT_OR_CONCERN -> !contactMade || causeForConcern;
                case NO_CONTACT_AND_CONCERN -> !contactMade && causeForConcern;
            };
        }
    }
}
