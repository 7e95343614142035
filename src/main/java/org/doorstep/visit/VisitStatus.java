package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.FOLLOW_UP_VISIT_REFERENCE;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.sql.Timestamp;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.doorstep.records.AuditTrail;
import org.doorstep.workflow.Actor;
import org.doorstep.workflow.EngineClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the visit table's status in step with the process; called from execution listeners in the
 * model ({@code ${visitStatus.set(execution, 'AUTHORISED')}}).
 * Public only because the expression language calls it by reflection.
 */
@Component("visitStatus")
public class VisitStatus {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    VisitStatus(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    public void set(DelegateExecution execution, String status) {
        String reference = VISIT_REFERENCE.require(execution);
        jdbc.sql("UPDATE visit SET status = ? WHERE reference = ?").params(status, reference).update();
        audit.record(Actor.current(execution), "VISIT_STATUS", "visit", reference, status);
    }

    /** A final status: the visit's process has ended; whoever asked for it is told ({@link VisitEnded}). */
    public void end(DelegateExecution execution, String status) {
        set(execution, status);
        String reference = VISIT_REFERENCE.require(execution);
        jdbc.sql("UPDATE visit SET ended_at = ? WHERE reference = ?")
                .params(Timestamp.from(EngineClock.now()), reference).update();
        events.publishEvent(new VisitEnded(reference, PUPIL_ID.require(execution), status,
                FOLLOW_UP_VISIT_REFERENCE.get(execution)));
    }
}
