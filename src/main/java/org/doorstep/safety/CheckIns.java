package org.doorstep.safety;

import static org.doorstep.safety.CheckInRefusedException.Reason.BAD_REQUEST;
import static org.doorstep.safety.CheckInRefusedException.Reason.BUSY;
import static org.doorstep.safety.CheckInRefusedException.Reason.NOT_ASSIGNED;
import static org.doorstep.safety.CheckInRefusedException.Reason.NOT_EXPECTED_NOW;
import static org.doorstep.safety.CheckInRefusedException.Reason.NOT_SIGNED_OUT;
import static org.doorstep.safety.CheckInRefusedException.Reason.UNKNOWN_VISIT;
import static org.doorstep.safety.CheckInRefusedException.Reason.WATCH_ENDED;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.doorstep.records.AuditTrail;
import org.doorstep.safety.SafetyWatches.Watch;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a check-in from the visiting staff (or the office on their behalf after a phone call),
 * records it and correlates its message, by business key, to every process instance waiting for it:
 * the staff-safety watch and the home visit alike. A check-in that cannot be taken changes nothing.
 */
@Service
public class CheckIns {

    private static final int ATTEMPTS = 3;

    private final SafetyWatches watches;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final SchoolMembers members;
    private final TransactionTemplate transaction;

    CheckIns(SafetyWatches watches, RuntimeService runtimeService, AuditTrail audit, JdbcClient jdbc,
            PlatformTransactionManager transactions, SchoolMembers members) {
        this.members = members;
        this.watches = watches;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * @param actor         the signed-in user
     * @param actorIsOffice whether the actor is office staff (who may check in on the staff's behalf)
     * @param onBehalfOf    for the office: the visiting staff member who phoned (optional)
     */
    public Receipt checkIn(String reference, CheckInType type, String actor, boolean actorIsOffice, String onBehalfOf) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> checkInOnce(reference, type, actor, actorIsOffice, onBehalfOf));
            } catch (OptimisticLockingException e) {
                // A timer of the same watch fired at this very moment; the check-in is simply tried again.
                if (attempt == ATTEMPTS) {
                    throw new CheckInRefusedException(BUSY, "The safety watch for " + reference
                            + " was busy; nothing was recorded. Please try again.");
                }
            }
        }
    }

    private Receipt checkInOnce(String reference, CheckInType type, String actor, boolean actorIsOffice, String onBehalfOf) {
        if (jdbc.sql("SELECT COUNT(*) FROM visit WHERE reference = ?").param(reference).query(Long.class).single() == 0) {
            throw new CheckInRefusedException(UNKNOWN_VISIT, "There is no visit " + reference + ".");
        }
        Watch watch = watches.find(reference).orElseThrow(() -> notSignedOut(reference));
        if (watch.ended()) {
            throw new CheckInRefusedException(WATCH_ENDED, "The safety watch for visit " + reference
                    + " has ended; check-ins are no longer taken. Call the office if you need help.");
        }
        String madeBy = actor;
        String behalf = null;
        if (!watch.staff().contains(actor)) {
            if (!actorIsOffice || !members.worksFor(actor, watch.schoolId())) {
                throw new CheckInRefusedException(NOT_ASSIGNED, "You (" + actor + ") are not on visit " + reference
                        + "; only its staff, or the office on their behalf, can check in.");
            }
            if (onBehalfOf != null && !onBehalfOf.isBlank() && !watch.staff().contains(onBehalfOf)) {
                throw new CheckInRefusedException(BAD_REQUEST, onBehalfOf + " is not on visit " + reference + ".");
            }
            behalf = onBehalfOf == null || onBehalfOf.isBlank() ? String.join(",", watch.staff()) : onBehalfOf;
        }
        Instant now = EngineClock.now();
        boolean alreadyInEmergency = type == CheckInType.EMERGENCY && RaiseEmergency.ALERT.equals(watch.alert());
        if (!alreadyInEmergency) {
            boolean watchWaits = runtimeService.createExecutionQuery().processDefinitionKey(StaffSafetyProcess.KEY)
                    .processInstanceBusinessKey(reference).messageEventSubscriptionName(type.message()).count() > 0;
            if (!watchWaits) {
                throw new CheckInRefusedException(NOT_EXPECTED_NOW, "'" + type.label() + "' is not expected for visit "
                        + reference + " now: " + describe(watch) + ".");
            }
        }
        watches.recordCheckIn(reference, type.name(), madeBy, behalf, now);
        String detail = behalf == null ? null : "recorded by the office on behalf of " + behalf;
        if (alreadyInEmergency) {
            detail = (detail == null ? "" : detail + "; ") + "emergency already raised";
        }
        audit.record(madeBy, "CHECK_IN_" + type.name(), "visit", reference, detail);
        // Recorded first: the time line shows the check-in before what it caused.
        if (!alreadyInEmergency) {
            MessageCorrelationBuilder correlation = runtimeService.createMessageCorrelation(type.message())
                    .processInstanceBusinessKey(reference);
            if (type == CheckInType.WITHDREW_UNSAFE) {
                correlation.setVariable(StaffSafetyProcess.Messages.WITHDREW_UNSAFE_BY, madeBy);
            }
            correlation.correlateAllWithResult();
        }
        if (type == CheckInType.BACK) {
            // From the way back the watch ends at once, with no step that records the check-in on the watch:
            // without this its card would still say "Leaving" after "Back at school".
            watches.checkedIn(reference, StaffSafetyProcess.Phase.BACK, type.name(), now, null);
        }
        Watch after = watches.find(reference).orElseThrow();
        return new Receipt(reference, type, now, madeBy, behalf, after.phase(), after.alert(), after.nextCheckInDueAt(),
                after.expectedBackAt(), after.ended());
    }

    static CheckInRefusedException notSignedOut(String reference) {
        return new CheckInRefusedException(NOT_SIGNED_OUT, "The staff on visit " + reference
                + " have not signed out with the office yet, so there is nothing to check in to.");
    }

    private static String describe(Watch watch) {
        return switch (StaffSafetyProcess.Phase.valueOf(watch.phase())) {
            case DEPARTED -> "the staff are on their way to the address";
            case AT_ADDRESS -> "the staff have already arrived";
            case RETURNING -> "the staff are on their way back";
            case BACK -> "the staff are back at school";
        };
    }

    public List<SafetyWatches.CheckIn> checkIns(String reference) {
        return watches.checkIns(reference);
    }

    public record Receipt(String visitReference, CheckInType type, Instant recordedAt, String madeBy, String onBehalfOf,
            String phase, String alert, Instant nextCheckInDueAt, Instant expectedBackAt, boolean watchEnded) {
    }
}
