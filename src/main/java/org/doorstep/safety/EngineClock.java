package org.doorstep.safety;

import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock (timers follow it, so the watch's own times do too; tests move it), and the
 * engine's current user, for the time line.
 */
final class EngineClock {

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Who is acting in the engine now (the user completing a task), or {@code otherwise}. */
    static String currentUser(IdentityService identityService, String otherwise) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : otherwise;
    }

    private EngineClock() {
    }
}
