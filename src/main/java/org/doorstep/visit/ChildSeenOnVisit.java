package org.doorstep.visit;

import java.time.Instant;

/**
 * Published (as a Spring application event, in the engine's transaction) when a visit's record
 * says the staff saw the child, so that the absence case can count the child as seen.
 */
public record ChildSeenOnVisit(String visitReference, String pupilId, Instant seenAt, String recordedBy) {
}
