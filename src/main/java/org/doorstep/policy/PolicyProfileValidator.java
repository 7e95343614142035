package org.doorstep.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.doorstep.security.Roles;
import org.springframework.stereotype.Component;

/** Checks what the file format alone cannot: ranges, known groups, settings that must agree. */
@Component
class PolicyProfileValidator {

    private static final Set<String> GROUPS = Roles.ALL.stream().map(Roles.Role::id).collect(Collectors.toSet());
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    List<String> problems(PolicyProfile profile) {
        List<String> problems = new ArrayList<>();
        if (profile.id() == null || !profile.id().matches("[a-z0-9-]{2,64}")) {
            problems.add("id: must be 2 to 64 lower-case letters, digits or dashes");
        }
        if (profile.schoolName() == null || profile.schoolName().isBlank()) {
            problems.add("schoolName: is required");
        }
        PolicyProfile.Authorisation authorisation = profile.authorisation();
        group(problems, "authorisation.authoriserGroup", authorisation.authoriserGroup());
        group(problems, "authorisation.safeguardingCoAuthoriserGroup", authorisation.safeguardingCoAuthoriserGroup());
        if (authorisation.visitListRequired()) {
            group(problems, "authorisation.visitListSignerGroup", authorisation.visitListSignerGroup());
        }
        group(problems, "riskAssessment.assessorGroup", profile.riskAssessment().assessorGroup());
        List<List<String>> parties = profile.riskAssessment().seniorDecisionGroups();
        if (parties == null || parties.isEmpty() || parties.stream().anyMatch(party -> party == null || party.isEmpty())) {
            problems.add("riskAssessment.seniorDecisionGroups: needs at least one party, each of at least one group");
        } else {
            parties.stream().flatMap(List::stream)
                    .forEach(group -> group(problems, "riskAssessment.seniorDecisionGroups", group));
        }

        PolicyProfile.Visit visit = profile.visit();
        positive(problems, "visit.parentWait", visit.parentWait(), LONGEST_WAIT);
        positive(problems, "visit.lateParentLimit", visit.lateParentLimit(), LONGEST_WAIT);
        if (visit.parentWait() != null && visit.lateParentLimit() != null && visit.lateParentLimit().compareTo(visit.parentWait()) < 0) {
            problems.add("visit.lateParentLimit: must not be shorter than visit.parentWait");
        }
        visit.cancellationReportedTo().forEach(group -> group(problems, "visit.cancellationReportedTo", group));
        if (visit.venues() == null || !visit.venues().containsKey(PolicyProfile.HOME_VENUE)) {
            problems.add("visit.venues: must offer '" + PolicyProfile.HOME_VENUE + "', the pupil's home address");
        } else {
            visit.venues().forEach((kind, label) -> {
                if (!kind.matches("[a-z][a-z0-9-]{1,39}") || label == null || label.isBlank()) {
                    problems.add("visit.venues." + kind + ": needs a lower-case id and a label");
                }
            });
        }
        if (visit.doorGuidance() == null || visit.doorGuidance().isEmpty()) {
            problems.add("visit.doorGuidance: needs at least one rule for staff at the door");
        } else {
            for (int i = 0; i < visit.doorGuidance().size(); i++) {
                PolicyProfile.DoorRule rule = visit.doorGuidance().get(i);
                if (rule.rule() == null || rule.rule().isBlank() || rule.source() == null || rule.source().isBlank()) {
                    problems.add("visit.doorGuidance[" + i + "]: needs the rule and the clause it comes from (source)");
                }
            }
        }

        PolicyProfile.Safety safety = profile.safety();
        positive(problems, "safety.arrivalCallGrace", safety.arrivalCallGrace(), LONGEST_WAIT);
        positive(problems, "safety.checkInInterval", safety.checkInInterval(), Duration.ofHours(2));
        positive(problems, "safety.checkInReminderBefore", safety.checkInReminderBefore(), safety.checkInInterval());
        if (safety.overdueChain() == null || safety.overdueChain().isEmpty()) {
            problems.add("safety.overdueChain: needs at least one step");
        } else {
            for (int i = 0; i < safety.overdueChain().size(); i++) {
                PolicyProfile.OverdueStep step = safety.overdueChain().get(i);
                if (step.action() == null) {
                    problems.add("safety.overdueChain[" + i + "].action: is required");
                } else if (safety.actions() == null || !safety.actions().containsKey(step.action())) {
                    problems.add("safety.overdueChain[" + i + "].action: '" + step.action()
                            + "' is not in safety.actions (add it there, with its title, group and number to ring)");
                }
                positive(problems, "safety.overdueChain[" + i + "].deadline", step.deadline(), Duration.ofHours(4));
            }
        }

        positive(problems, "safety.assumedVisitLength", safety.assumedVisitLength(), Duration.ofHours(8));
        if (safety.actions() != null) {
            safety.actions().forEach((id, action) -> overdueAction(problems, "safety.actions." + id, action));
        }

        PolicyProfile.Triggers triggers = profile.triggers();
        range(problems, "triggers.contactAttemptsFromDay", triggers.contactAttemptsFromDay(), 1, 10);
        range(problems, "triggers.safeAndWellVisitFromDay", triggers.safeAndWellVisitFromDay(), 1, 20);
        range(problems, "triggers.safeAndWellVisitFromDayWhenVulnerable", triggers.safeAndWellVisitFromDayWhenVulnerable(),
                1, triggers.safeAndWellVisitFromDay());
        range(problems, "triggers.maxSchoolDaysWithoutEyesOn", triggers.maxSchoolDaysWithoutEyesOn(), 1, 20);
        range(problems, "triggers.consecutiveUnauthorisedDaysForLocalAuthority",
                triggers.consecutiveUnauthorisedDaysForLocalAuthority(), 1, 60);
        range(problems, "triggers.attendanceThresholdPercent", triggers.attendanceThresholdPercent(), 1, 100);
        range(problems, "triggers.attendanceWindowMonths", triggers.attendanceWindowMonths(), 1, 12);
        range(problems, "triggers.minimumSessionsForAttendancePercent", triggers.minimumSessionsForAttendancePercent(), 1, 100);
        range(problems, "triggers.unauthorisedSessionsForNotice", triggers.unauthorisedSessionsForNotice(), 1, 100);
        range(problems, "triggers.unauthorisedSessionsWindowWeeks", triggers.unauthorisedSessionsWindowWeeks(), 1, 39);

        PolicyProfile.Penalties penalties = profile.penalties();
        if (penalties == null) {
            problems.add("penalties: is required (the local authority's code of conduct for penalty notices)");
        } else {
            if (penalties.codeOfConduct() == null || penalties.codeOfConduct().isBlank()) {
                problems.add("penalties.codeOfConduct: is required (name the local authority's code)");
            }
            // Working together to improve school attendance (2024): an improvement period of 3 to 6 weeks.
            range(problems, "penalties.improvementPeriodWeeks", penalties.improvementPeriodWeeks(), 3, 6);
        }
        profile.formClauses().forEach((form, clauses) -> {
            if (PolicyProfileValidator.class.getClassLoader().getResource("forms/" + form + ".form") == null) {
                problems.add("formClauses." + form + ": no form of that name (forms/" + form + ".form)");
            }
            if (clauses == null || clauses.isBlank()) {
                problems.add("formClauses." + form + ": needs the clauses the step follows");
            }
        });

        PolicyProfile.Retention retention = profile.retention();
        if (retention == null) {
            problems.add("retention: is required (how long visit records, absence cases and pupil records are kept)");
        } else {
            // At least a year: a record is never destroyed while it can still matter to the case it belongs to.
            range(problems, "retention.visitRecordsYears", retention.visitRecordsYears(), 1, 25);
            range(problems, "retention.absenceCasesYears", retention.absenceCasesYears(), 1, 25);
            range(problems, "retention.pupilRecordYearsAfterLeaving", retention.pupilRecordYearsAfterLeaving(), 0, 25);
        }
        return problems;
    }

    private static void overdueAction(List<String> problems, String setting, PolicyProfile.OverdueAction action) {
        if (action.title() == null || action.title().isBlank()) {
            problems.add(setting + ".title: is required");
        }
        group(problems, setting + ".group", action.group());
        if (action.alerted() == null || action.alerted().isEmpty()) {
            problems.add(setting + ".alerted: needs at least one group");
        } else {
            action.alerted().forEach(group -> group(problems, setting + ".alerted", group));
        }
        // 100 is the emergency's: an overdue step never outranks "Call the police now".
        range(problems, setting + ".priority", action.priority(), 1, 99);
        if (action.ring() == null) {
            problems.add(setting + ".ring: is required");
        } else if (action.ring() == PolicyProfile.Ring.NUMBER && (action.number() == null || action.number().isBlank())) {
            problems.add(setting + ".number: is required when ring is NUMBER");
        }
        if (action.takenWhen() == null) {
            problems.add(setting + ".takenWhen: is required");
        }
    }

    private static void group(List<String> problems, String setting, String group) {
        if (group == null || !GROUPS.contains(group)) {
            problems.add(setting + ": '" + group + "' is not a Doorstep group (one of " + GROUPS.stream().sorted().toList() + ")");
        }
    }

    private static void positive(List<String> problems, String setting, Duration value, Duration max) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(setting + ": must be a positive duration such as PT20M");
        } else if (max != null && value.compareTo(max) > 0) {
            problems.add(setting + ": " + value + " is longer than the most Doorstep allows here (" + max + ")");
        }
    }

    private static void range(List<String> problems, String setting, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(setting + ": " + value + " is outside " + min + " to " + max);
        }
    }
}
