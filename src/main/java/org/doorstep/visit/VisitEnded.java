package org.doorstep.visit;

/**
 * Published (as a Spring application event, in the engine's transaction) when a visit's process
 * reaches a final status, so that whoever asked for the visit can tell whether it did what it was for
 * (an absence case's "must" visit that was rejected or cancelled, say).
 *
 * @param status     the final status (REJECTED, CANCELLED, NOT_VISITED, COMPLETED, ...)
 * @param followedBy the visit that carries this one on, when it ended by starting a follow-up; else null
 */
public record VisitEnded(String visitReference, String pupilId, String status, String followedBy) {
}
