package org.doorstep.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in the engine now, for the audit trail: the signed-in user who made the call, if any. */
public final class Actor {

    /** Doorstep itself: a timer, a message or a scheduled job acting with nobody signed in. */
    public static final String DOORSTEP = "doorstep";

    /** The daily absence evaluation, acting on the register with nobody signed in. */
    public static final String ABSENCE_CHECK = "absence-evaluation";

    /** The user who completed the task or sent the message, else {@code otherwise}. */
    public static String current(IdentityService identityService, String otherwise) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : otherwise;
    }

    /** As {@link #current(IdentityService, String)}, from within a delegate; Doorstep itself if nobody. */
    public static String current(DelegateExecution execution) {
        return current(execution, DOORSTEP);
    }

    public static String current(DelegateExecution execution, String otherwise) {
        return current(execution.getProcessEngineServices().getIdentityService(), otherwise);
    }

    private Actor() {
    }
}
