package org.doorstep.safety;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.doorstep.policy.PolicyProfile.OverdueAction;
import org.doorstep.policy.PolicyProfile.OverdueStep;
import org.doorstep.security.Roles;

/**
 * The overdue chain as one process variable ("RING_MOBILE PT10M;RING_HOME PT10M;..."), copied from
 * the policy when the watch starts, and what each step means for the office.
 */
final class OverdueChain {

    static String encode(List<OverdueStep> steps) {
        return steps.stream().map(step -> step.action().name() + " " + step.deadline()).collect(Collectors.joining(";"));
    }

    static List<OverdueStep> decode(String encoded) {
        return Arrays.stream(encoded.split(";")).map(String::trim).filter(part -> !part.isEmpty()).map(part -> {
            String[] fields = part.split(" ");
            return new OverdueStep(OverdueAction.valueOf(fields[0]), Duration.parse(fields[1]));
        }).toList();
    }

    /** Title people see, and the groups the alert goes to (the first is the task's candidate group). */
    static String title(OverdueAction action) {
        return switch (action) {
            case RING_MOBILE -> "Call the visiting staff";
            case RING_HOME -> "Ring the pupil's home";
            case ALERT_SENIOR_LEADERS -> "Staff overdue: senior leaders to act";
            case CALL_POLICE -> "Call the police";
        };
    }

    static List<String> alertedGroups(OverdueAction action) {
        return switch (action) {
            case RING_MOBILE, RING_HOME -> List.of(Roles.OFFICE);
            case ALERT_SENIOR_LEADERS, CALL_POLICE -> List.of(Roles.SENIOR_LEADERS, Roles.OFFICE);
        };
    }

    private OverdueChain() {
    }
}
