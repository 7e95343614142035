package org.doorstep.workflow;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task may not be completed because a value is missing or malformed. Thrown inside the engine's
 * transaction, so the task stays open and nothing of the process changes; the message names every
 * field at fault (its label and variable name) so the person can put it right.
 */
public class FormValidationException extends ProcessEngineException {

    private final List<String> problems;

    public FormValidationException(String taskName, List<String> problems) {
        super("Cannot complete '" + taskName + "': " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
