package org.doorstep.workflow;

import java.util.Collection;

/**
 * Process variables whose values are safeguarding text: they may reach the running process (a form
 * submits them) but never its history, whatever the path ({@code complete}, {@code submit-form},
 * the variables API). Implemented by the delegate that moves such text into its need-to-know
 * record and removes it from the process; {@link SensitiveHistory} writes a redaction marker into
 * every history table in place of the value.
 */
public interface SensitiveVariables {

    /** The variables this feature keeps out of history, declared once in its process's backing class. */
    Collection<ProcessVariable<?>> sensitiveVariables();
}
