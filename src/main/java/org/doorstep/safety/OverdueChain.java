package org.doorstep.safety;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfile.OverdueAction;

/**
 * The overdue chain as one process variable (JSON): each step with its deadline and the catalogue
 * entry it names, copied from the policy when the watch starts, so a running watch keeps the steps,
 * groups, numbers and conditions it started with even if the school's profile changes.
 */
final class OverdueChain {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One step as the watch keeps it; {@code deadline} is an ISO-8601 duration. */
    record Step(String action, String deadline, OverdueAction does) {

        Duration deadlineDuration() {
            return Duration.parse(deadline);
        }
    }

    static String encode(PolicyProfile.Safety safety) {
        List<Step> steps = safety.overdueChain().stream()
                .map(step -> new Step(step.action(), step.deadline().toString(), safety.actions().get(step.action()))).toList();
        try {
            return JSON.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The overdue chain cannot be written", e);
        }
    }

    static List<Step> decode(String encoded) {
        try {
            return JSON.readValue(encoded, new TypeReference<List<Step>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The watch's overdue chain cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The index of the step to take after step {@code current}, or -1 if none: the next step whose
     * condition holds for what the current one found (skipping those whose condition does not, as
     * William Lilley skips the home call when the mobile was answered but there is cause for
     * concern); after the last step, the last one again while its condition holds.
     */
    static int next(List<Step> chain, int current, boolean contactMade, boolean causeForConcern) {
        for (int index = current + 1; index < chain.size(); index++) {
            if (chain.get(index).does().takenWhen().holds(contactMade, causeForConcern)) {
                return index;
            }
        }
        int last = chain.size() - 1;
        return current == last && chain.get(last).does().takenWhen().holds(contactMade, causeForConcern) ? last : -1;
    }

    private OverdueChain() {
    }
}
