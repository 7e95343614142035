package org.doorstep.visit;

import java.util.List;

/**
 * Published (as a Spring application event, inside the engine's transaction) when staff at the door
 * find a child alone or see a safeguarding concern (Burgh 8; William Lilley "During"), beside the
 * safeguarding lead's top-priority task, so that the alert also leaves Tasklist at once. Carries no
 * safeguarding text: what staff saw is only in the need-to-know notes.
 *
 * @param alertKey  names this alert once, so a retried transaction queues it again only if the first rolled back
 * @param groups    who is alerted: the profile's safeguarding group
 * @param summary   which door answers brought the DSL in, in words
 */
public record ChildAtRiskAtTheDoor(
        String alertKey,
        String visitReference,
        String schoolId,
        List<String> groups,
        String summary,
        String address,
        String staffAtTheDoor) {
}
