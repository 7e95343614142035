package org.doorstep.web;

/** Addresses in Tasklist that Doorstep's pages link to. */
public final class TasklistLinks {

    private static final String TASKLIST = "/camunda/app/tasklist/default/";

    /** Opens the task's form in Tasklist. */
    public static String task(String taskId) {
        return TASKLIST + "#/?task=" + taskId;
    }

    private TasklistLinks() {
    }
}
