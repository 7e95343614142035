package org.doorstep.safety;

import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_ARRIVED;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_BACK_AT_SCHOOL;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_EMERGENCY;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_LEAVING;
import static org.doorstep.safety.StaffSafetyProcess.Messages.STAFF_OK;

/** What visiting staff can report, each one message of the shared contract. */
public enum CheckInType {
    ARRIVED(STAFF_ARRIVED, "arrived"),
    OK(STAFF_OK, "I'm OK"),
    LEAVING(STAFF_LEAVING, "leaving"),
    BACK(STAFF_BACK_AT_SCHOOL, "back at school"),
    EMERGENCY(STAFF_EMERGENCY, "EMERGENCY");

    private final String message;
    private final String label;

    CheckInType(String message, String label) {
        this.message = message;
        this.label = label;
    }

    public String message() {
        return message;
    }

    public String label() {
        return label;
    }
}
