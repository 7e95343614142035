package org.doorstep.visit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Why a visit is made (issue 3 step 1; policy matrix "Why visits happen"), each with the code the process
 * and the API carry and the words people read. Declared once: pages, forms and messages take the words from here.
 */
public enum VisitReason {
    ATTENDANCE("attendance", "Attendance or refusal to attend"),
    SAFE_AND_WELL("safe-and-well", "Safe-and-well check (no contact)"),
    SAFEGUARDING("safeguarding", "Safeguarding"),
    TRANSITION("transition", "Transition"),
    SUPPORT("support", "Support for the child and family"),
    PHASED_RETURN("phased-return", "Phased return after long absence or illness");

    private final String code;
    private final String label;

    VisitReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<VisitReason> of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }

    static List<String> codes() {
        return Arrays.stream(values()).map(VisitReason::code).toList();
    }
}
