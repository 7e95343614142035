package org.doorstep.records;

public enum NoteKind {
    OUTCOME,
    AGREEMENT,
    CONCERN,
    CANCELLATION,
    /** Need-to-know: the DSL and headteacher only. */
    SAFEGUARDING
}
