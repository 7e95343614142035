package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_ARRIVED;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_BACK_AT_SCHOOL;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_EMERGENCY;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_LEAVING;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_OK;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_TURNED_BACK;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.doorstep.safety.StaffSafetyProcess.Phase;

/**
 * What visiting staff can report, each one message of the shared contract, and in which phases of
 * the watch the check-in page offers it. The watch accepts more (a late "I'm OK" on the way back,
 * "Back at school" straight from the door); the page offers only what makes sense where the staff
 * are, so a tap in a hurry cannot send the wrong one.
 */
public enum CheckInType {
    ARRIVED(STAFF_ARRIVED, "Arrived", null, EnumSet.of(Phase.DEPARTED)),
    OK(STAFF_OK, "I'm OK", null, EnumSet.of(Phase.AT_ADDRESS)),
    LEAVING(STAFF_LEAVING, "Leaving", null, EnumSet.of(Phase.AT_ADDRESS)),
    /** Leaving because they feel unsafe (Burgh 4, 8; William Lilley "During"): the visit ends, the watch goes on. */
    WITHDREW_UNSAFE(STAFF_LEAVING, "Leaving: I feel unsafe", "Leave now because you feel unsafe? The visit ends, the "
            + "headteacher is told and an incident is recorded. The office still expects you back at school.",
            EnumSet.of(Phase.AT_ADDRESS)),
    TURNED_BACK(STAFF_TURNED_BACK, "Turned back", "Turn back without visiting? The office expects you back at school "
            + "and the visit's lead re-plans or cancels it.", EnumSet.of(Phase.DEPARTED)),
    BACK(STAFF_BACK_AT_SCHOOL, "Back at school", "Are you back at school? This ends the safety watch for this visit.",
            EnumSet.of(Phase.RETURNING)),
    EMERGENCY(STAFF_EMERGENCY, "EMERGENCY", "Raise an EMERGENCY? The office will call the police.",
            EnumSet.of(Phase.DEPARTED, Phase.AT_ADDRESS, Phase.RETURNING));

    private final String message;
    private final String label;
    private final String confirmation;
    private final Set<Phase> offeredIn;

    CheckInType(String message, String label, String confirmation, Set<Phase> offeredIn) {
        this.message = message;
        this.label = label;
        this.confirmation = confirmation;
        this.offeredIn = offeredIn;
    }

    public String message() {
        return message;
    }

    public String label() {
        return label;
    }

    /** The question the page asks before sending, for a check-in that cannot be taken back; null if none. */
    public String confirmation() {
        return confirmation;
    }

    /** The check-ins the page offers in this phase, in the order of its buttons. */
    public static List<CheckInType> offeredIn(Phase phase) {
        return Arrays.stream(values()).filter(type -> type.offeredIn.contains(phase)).toList();
    }
}
