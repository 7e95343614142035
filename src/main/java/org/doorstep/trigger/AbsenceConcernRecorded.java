package org.doorstep.trigger;

import java.util.List;

/**
 * Published (as a Spring application event, in the office's transaction) when the office records
 * safeguarding indicators or that a child's whereabouts are unknown (Burgh App. A Day 1: "inform the
 * DSL if safeguarding indicators are present"; CME), beside the DSL's task, so that the alert also
 * leaves Tasklist at once. Carries no safeguarding text: the office's notes stay in the case record.
 *
 * @param alertKey names this alert once, so a retried transaction queues it again only if the first rolled back
 * @param groups   who is alerted: the profile's safeguarding group
 * @param summary  what was recorded, in words
 */
public record AbsenceConcernRecorded(String alertKey, String caseReference, String schoolId, List<String> groups,
        String pupilName, String summary) {
}
