package org.doorstep.trigger;

/**
 * Published in the import's transaction after a register import wrote its marks, so that what waits on the
 * register (a register duty's task for an N, register duties) can see a corrected mark at once rather than
 * at the next daily evaluation.
 */
public record AttendanceImported(long importId, int corrected) {
}
