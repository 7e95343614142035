package org.doorstep.school;

import java.time.LocalDate;
import java.util.List;

/**
 * Published in the import's transaction when a pupil import adds pupils to a school that already had its
 * pupils in Doorstep: their names were entered in the admission register on {@code enteredOn}, which starts
 * the school's duty to notify the local authority (register duties). A school's first import brings the
 * pupils it already had, so it publishes nothing.
 */
public record PupilsAdmitted(String schoolId, List<String> pupilIds, LocalDate enteredOn) {
}
