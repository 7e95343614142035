package org.doorstep.trigger;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in a delegate: the signed-in user who completed the task, else the evaluation itself. */
final class Actors {

    static String current(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : AbsenceCases.SYSTEM_ACTOR;
    }

    private Actors() {
    }
}
