package org.doorstep.school;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * What a school knows about a pupil that changes the absence ladder and the risk: the one vocabulary of
 * these flags, for the CSV columns, the CTF elements and the database. Any flag makes the pupil
 * vulnerable (the ladder's sooner "safe and well" visit); the social-care flags also make them known to
 * social care (the visit involves the DSL and the social worker).
 */
public enum PupilFlag {
    CHILD_PROTECTION_PLAN(true),
    CHILD_IN_NEED(true),
    LOOKED_AFTER(true),
    SEN_EHCP(false),
    YOUNG_CARER(false),
    OTHER_VULNERABILITY(false);

    private final boolean socialCare;

    PupilFlag(boolean socialCare) {
        this.socialCare = socialCare;
    }

    /** The pupil CSV's column for the flag, e.g. {@code child_protection_plan}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PupilFlag> ofColumn(String column) {
        return Arrays.stream(values()).filter(flag -> flag.column().equals(column)).findFirst();
    }

    static boolean vulnerable(Collection<PupilFlag> flags) {
        return !flags.isEmpty();
    }

    static boolean knownToSocialCare(Collection<PupilFlag> flags, String socialWorkerName) {
        return flags.stream().anyMatch(flag -> flag.socialCare) || (socialWorkerName != null && !socialWorkerName.isBlank());
    }
}
