package org.doorstep.policy;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The README's side-by-side table of the schools' key settings, generated from the loaded profiles
 * so that it can never disagree with them.
 */
public final class PolicyComparisonTable {

    private record Row(String setting, Function<PolicyProfile, String> value) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("Policy version", PolicyProfile::version),
            new Row("Authorised by", p -> p.authorisation().authoriserGroup().equals(p.authorisation().safeguardingCoAuthoriserGroup())
                    ? p.authorisation().authoriserGroup()
                    : p.authorisation().authoriserGroup() + " (+ " + p.authorisation().safeguardingCoAuthoriserGroup() + " when safeguarding)"),
            new Row("Weekly visit list signed by", p -> p.authorisation().visitListRequired()
                    ? p.authorisation().visitListSignerGroup() : "no list"),
            new Row("Risk assessed by", p -> p.riskAssessment().assessorGroup()),
            new Row("Protection register checked", p -> yesNo(p.riskAssessment().protectionRegisterCheck())),
            new Row("High risk decided by", p -> (p.riskAssessment().seniorDecisionGroups().size() > 1 ? "all agree: " : "")
                    + p.riskAssessment().seniorDecisionGroups().stream()
                            .map(party -> String.join(" or ", party)).collect(Collectors.joining("; "))),
            new Row("Assessor may escalate a low risk", p -> yesNo(p.riskAssessment().assessorMayEscalate())),
            new Row("Pairing", p -> p.visit().pairing() == PolicyProfile.Pairing.ALWAYS ? "always two" : "when risk requires"),
            new Row("Second person from another agency", p -> yesNo(p.visit().outsideAgencyPartnerAllowed())),
            new Row("Appointment", p -> p.visit().appointment().name().toLowerCase()),
            new Row("Wait for parent", p -> minutes(p.visit().parentWait())),
            new Row("Wait when parent is late with notice", p -> minutes(p.visit().lateParentLimit())),
            new Row("Visit goes ahead without parent for", p -> p.visit().entryWithoutParentForReasons().isEmpty()
                    ? "never" : String.join(", ", p.visit().entryWithoutParentForReasons())),
            new Row("Posted when nobody answers", p -> p.visit().noAnswerNotice().name().toLowerCase().replace('_', ' ')),
            new Row("Visit venues", p -> String.join(", ", p.visit().venues().keySet())),
            new Row("Cancellation reported to", p -> String.join(", ", p.visit().cancellationReportedTo())),
            new Row("Arrival call", p -> p.safety().arrivalCall()
                    ? "office alerted " + minutes(p.safety().arrivalCallGrace()) + " after the appointment" : "not asked"),
            new Row("Check-in every", p -> minutes(p.safety().checkInInterval())),
            new Row("When staff are overdue", p -> IntStream.range(0, p.safety().overdueChain().size()).mapToObj(i -> {
                PolicyProfile.OverdueStep step = p.safety().overdueChain().get(i);
                String condition = i == 0 ? "" : "if " + p.safety().actions().get(step.action()).takenWhen().name()
                        .toLowerCase().replace('_', ' ') + ": ";
                return condition + step.action().toLowerCase().replace('_', ' ') + " (" + minutes(step.deadline()) + ")";
            }).collect(Collectors.joining(" → "))),
            new Row("Safe-and-well visit from school day", p -> p.triggers().safeAndWellVisitFromDay()
                    + " (vulnerable: " + p.triggers().safeAndWellVisitFromDayWhenVulnerable() + ")"),
            new Row("Visit must happen after days unseen", p -> String.valueOf(p.triggers().maxSchoolDaysWithoutEyesOn())),
            new Row("Visits that must happen (DSL decides if not made, raised again, not held for the list)",
                    p -> p.triggers().mustVisits().isEmpty() ? "none" : String.join(", ", p.triggers().mustVisits())
                            .toLowerCase().replace('_', ' ')),
            new Row("Local authority told after unauthorised days", p -> String.valueOf(
                    p.triggers().consecutiveUnauthorisedDaysForLocalAuthority())),
            new Row("Attendance threshold", p -> p.triggers().attendanceThresholdPercent() + " % over "
                    + p.triggers().attendanceWindowMonths() + " months"));

    private PolicyComparisonTable() {
    }

    public static String markdown(Collection<PolicyProfile> profiles) {
        StringBuilder table = new StringBuilder("| Setting |");
        profiles.forEach(profile -> table.append(' ').append(profile.schoolName()).append(" |"));
        table.append("\n|---|").append("---|".repeat(profiles.size())).append('\n');
        for (Row row : ROWS) {
            table.append("| ").append(row.setting()).append(" |");
            profiles.forEach(profile -> table.append(' ').append(row.value().apply(profile)).append(" |"));
            table.append('\n');
        }
        return table.toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }
}
