package org.doorstep.workflow;

/**
 * What a process's tasks are about, as Tasklist shows it after each task's name ("Authorise the
 * visit: Amy Ash (HV-THA-00001)"), so that three cards of the same step can be told apart. The
 * process is started with the variable (or, where the subject is made from the business key, a
 * feature's {@link FormWords} sets it on the task as a transient variable, so nothing stores it);
 * {@link TaskNames} appends it as each task is created, so the diagrams keep their plain step names.
 */
public final class TaskSubject {

    public static final ProcessVariable<String> VARIABLE = ProcessVariable.of("taskSubject", String.class);

    /** "Amy Ash (HV-THA-00001)": who or what the work is about, then the reference staff look up. */
    public static String of(String about, String reference) {
        return about + " (" + reference + ")";
    }

    private TaskSubject() {
    }
}
