package org.doorstep.workflow;

/**
 * What a process's tasks are about, as Tasklist shows it after each task's name ("Authorise the
 * visit: Amy Ash (HV-THA-00001)"), so that three cards of the same step can be told apart. Every
 * user task's name in the models ends with {@code ${taskSubject}}; the process is started with the
 * variable, so the name stays one short expression in the diagram.
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
