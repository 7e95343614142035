package org.doorstep.school;

import java.time.LocalDate;

/** A member of staff who may visit; the id is their Camunda user id. */
public record Staff(
        String id,
        String schoolId,
        String fullName,
        String jobTitle,
        String mobile,
        String email,
        LocalDate dbsCheckedOn,
        String vehicleMake,
        String vehicleModel,
        String vehicleRegistration,
        String vehicleColour,
        LocalDate vehicleInsuredUntil) {
}
