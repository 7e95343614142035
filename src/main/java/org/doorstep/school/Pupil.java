package org.doorstep.school;

import java.time.LocalDate;

public record Pupil(
        String id,
        String schoolId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String yearGroup,
        String addressLine1,
        String addressLine2,
        String town,
        String postcode,
        boolean vulnerable,
        boolean knownToSocialCare,
        String socialWorkerName,
        String socialWorkerPhone) {

    public String fullName() {
        return firstName + " " + lastName;
    }

    public String address() {
        StringBuilder address = new StringBuilder(addressLine1 == null ? "" : addressLine1);
        for (String part : new String[] {addressLine2, town, postcode}) {
            if (part != null && !part.isBlank()) {
                address.append(address.isEmpty() ? "" : ", ").append(part);
            }
        }
        return address.toString();
    }

    public boolean hasSocialWorker() {
        return socialWorkerName != null && !socialWorkerName.isBlank();
    }
}
