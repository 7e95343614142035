package org.doorstep.school;

/**
 * A school as onboarding declared it: its name, its office's phone, e-mail and address (what cards and
 * letters print), its URN and its LA and DfE numbers, and the prefix of its visit references
 * (HV-&lt;prefix&gt;-00001), unique across the install.
 */
public record School(String id, String name, String phone, String email, String address, String urn, String laNumber,
        String dfeNumber, String referencePrefix) {
}
