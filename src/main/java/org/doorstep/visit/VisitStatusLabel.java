package org.doorstep.visit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every status a visit's row can hold (the model's {@code visitStatus.set}/{@code end} listeners, the
 * sign-out and a visit held for the weekly list), with the words people read. Declared once: pages take
 * the words from here, never the code.
 */
public enum VisitStatusLabel {
    AWAITING_LIST("Waiting for the weekly visit list to be signed", false),
    REQUESTED("Waiting for authorisation", false),
    AUTHORISED("Authorised: risk assessment and plan next", false),
    PLANNED("Planned: waiting to sign out", false),
    DEPARTED("Staff on their way", false),
    TURNED_BACK("Staff turned back: to be re-planned or cancelled", false),
    ARRIVED("Staff at the door", false),
    IN_PROGRESS("Visit in progress", false),
    FOLLOW_UP("Visited: agreements being followed up", false),
    COMPLETED("Completed", true),
    REJECTED("Not authorised", true),
    CANCELLED("Cancelled", true),
    NOT_VISITED("Not visited: too risky", true),
    MEETING_ELSEWHERE("Meeting at school or a children's centre instead", true),
    POLICE_WELFARE_CHECK("Police welfare check asked for instead", true),
    WITHDREW_UNSAFE("Ended: staff left because they felt unsafe", true),
    FOLLOW_UP_VISIT_STARTED("Ended: a follow-up visit was started", true);

    private final String label;
    private final boolean finished;

    VisitStatusLabel(String label, boolean finished) {
        this.label = label;
        this.finished = finished;
    }

    public String label() {
        return label;
    }

    /** The visit's process has ended with this status. */
    public boolean finished() {
        return finished;
    }

    /** The words for a stored status; a status this list does not know is shown as it is rather than hidden. */
    public static String labelOf(String status) {
        return of(status).map(VisitStatusLabel::label).orElse(status);
    }

    public static boolean isFinished(String status) {
        return of(status).map(VisitStatusLabel::finished).orElse(false);
    }

    private static Optional<VisitStatusLabel> of(String status) {
        return Arrays.stream(values()).filter(known -> known.name().equals(status)).findFirst();
    }
}
