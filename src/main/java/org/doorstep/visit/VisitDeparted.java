package org.doorstep.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Published (as a Spring application event, inside the engine's transaction) when visiting staff
 * sign out with the office. Staff safety starts its watch from it, so the visit process needs to
 * know nothing of check-ins and escalation.
 *
 * @param expectedArrivalAt the appointment time (for an unannounced visit, the planned arrival), which
 *                          the arrival call is timed from; null if the plan gave none
 * @param people            who is out, with the mobiles the plan gave (not the staff directory's), so
 *                          the office rings the phone the staff actually carry
 * @param transport         the plan's vehicle (colour, make, model, registration) or walking route
 * @param checkInInterval   the policy's interval, shortened where the risk decision asked for it
 */
public record VisitDeparted(
        String visitReference,
        String schoolId,
        String pupilId,
        List<String> staffUserIds,
        List<Person> people,
        String address,
        String transport,
        Instant expectedArrivalAt,
        Instant expectedBackAt,
        Duration checkInInterval,
        String signedOutBy) {

    /** One person on the visit; {@code userId} is null and {@code organisation} set for an outside-agency companion. */
    public record Person(String userId, String name, String organisation, String mobile) {
    }
}
