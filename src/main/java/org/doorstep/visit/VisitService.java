package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.PUPIL_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.REASON;
import static org.doorstep.visit.HomeVisitProcess.Variables.REQUESTED_BY;
import static org.doorstep.visit.HomeVisitProcess.Variables.SCHOOL_ID;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_REFERENCE;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doorstep.records.AuditTrail;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts home visits: one process instance per visit, its business key the visit's reference. */
@Service
public class VisitService {

    private final SchoolDirectory directory;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    VisitService(SchoolDirectory directory, RuntimeService runtimeService, JdbcClient jdbc, AuditTrail audit) {
        this.directory = directory;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public ProcessInstance requestVisit(String pupilId, String reason, String requestedBy) {
        Pupil pupil = directory.requirePupil(pupilId);
        String reference = nextReference(pupil.schoolId());
        jdbc.sql("""
                INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at)
                VALUES (?, ?, ?, ?, 'REQUESTED', ?, ?)""")
                .params(reference, pupil.schoolId(), pupil.id(), reason, requestedBy, Timestamp.from(Instant.now()))
                .update();
        Map<String, Object> variables = new HashMap<>();
        VISIT_REFERENCE.putInto(variables, reference);
        SCHOOL_ID.putInto(variables, pupil.schoolId());
        PUPIL_ID.putInto(variables, pupil.id());
        PUPIL_NAME.putInto(variables, pupil.fullName());
        REASON.putInto(variables, reason);
        REQUESTED_BY.putInto(variables, requestedBy);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(HomeVisitProcess.KEY, reference, variables);
        jdbc.sql("UPDATE visit SET process_instance_id = ? WHERE reference = ?").params(instance.getId(), reference).update();
        audit.record(requestedBy, "VISIT_REQUESTED", "visit", reference, reason);
        return instance;
    }

    private String nextReference(String schoolId) {
        long count = jdbc.sql("SELECT COUNT(*) FROM visit WHERE school_id = ?").param(schoolId).query(Long.class).single();
        return "HV-" + schoolId.substring(0, Math.min(3, schoolId.length())).toUpperCase() + "-" + String.format("%05d", count + 1);
    }
}
