package org.doorstep.workflow;

import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Puts what a task's form shows into words, once, when the task is created: a feature that owns a
 * vocabulary (reasons, staff names, its policy's clauses) sets task-local {@code display…} variables
 * from its typed variables, and the form shows those instead of codes, ids, booleans and ISO values.
 * Task-local, so the process keeps only its typed variables. Called for every user task of every
 * process: an implementation returns at once for a task that is not its own.
 */
public interface FormWords {

    /**
     * Told which names the task's form mentions: each task-local variable is three rows with full history
     * (runtime, instance, detail), so a feature that has many words sets only those its form shows.
     */
    default void describe(DelegateTask task, Predicate<String> formMentions) {
        describe(task);
    }

    /** For a feature whose few words every form of its own shows. */
    default void describe(DelegateTask task) {
    }
}
