package org.doorstep.visit;

/**
 * Published (as a Spring application event, in the request's transaction) when a visit requested
 * directly at a school whose policy has a weekly visit list (authorisation.visitListRequired; Thames
 * View 3.2-3.3, Lynnfield 4) is recorded but not started: it waits on the list until it is signed, then
 * {@link VisitService#startAwaitingVisit} starts it.
 */
public record VisitAwaitingList(String visitReference, String schoolId, String pupilId, String reason) {
}
