package org.doorstep.visit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in the engine right now: the signed-in user, or the engine itself (timers, messages). */
final class Actor {

    static final String ENGINE = "doorstep";

    static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? ENGINE : authentication.getUserId();
    }

    private Actor() {
    }
}
