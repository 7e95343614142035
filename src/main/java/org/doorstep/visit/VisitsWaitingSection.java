package org.doorstep.visit;

import static org.doorstep.security.Roles.DSL;
import static org.doorstep.security.Roles.HEADTEACHER;
import static org.doorstep.security.Roles.OFFICE;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.web.HomeSection;
import org.doorstep.web.ShownTime;
import org.doorstep.web.TasklistLinks;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Home: visit requests not yet ready to go. The office sees every request of its schools waiting for
 * authorisation, the weekly list, a risk assessment or a plan; a headteacher or DSL sees the visits
 * waiting for their own authorisation or decision.
 */
@Component
class VisitsWaitingSection implements HomeSection {

    static final int LIMIT = 20;
    /** Requested and not yet planned: the visit table's statuses before Task_PlanVisit is done. */
    private static final List<String> WAITING = List.of("REQUESTED", VisitService.AWAITING_LIST, "AUTHORISED");
    private static final List<String> DECISIONS = List.of(HomeVisitProcess.Elements.AUTHORISE, HomeVisitProcess.Elements.DSL_AUTHORISE,
            HomeVisitProcess.Elements.SENIOR_RISK_DECISION);
    /** The one waiting step no task names: the visit is not started until its school's weekly list is signed. */
    static final String WAITING_FOR_LIST = "The weekly visit list to be signed";

    private final JdbcClient jdbc;
    private final TaskService tasks;

    VisitsWaitingSection(JdbcClient jdbc, TaskService tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    record Waiting(String reference, String school, String pupil, String reason, String waitingFor, String since, String taskHref) {
    }

    record Data(String heading, String empty, boolean showSchool, List<Waiting> visits) {
    }

    record VisitRow(String reference, String schoolName, String pupilName, String reason, String status, String processInstanceId,
            Instant requestedAt) {
    }

    @Override
    public Optional<Shown> forViewer(Viewer viewer) {
        if (viewer.schools().isEmpty()) {
            return Optional.empty();
        }
        if (viewer.inAny(OFFICE)) {
            return Optional.of(new Shown(50, "home/visits-waiting",
                    new Data("Visit requests waiting", "No visit request is waiting.", viewer.severalSchools(), waitingAt(viewer))));
        }
        if (viewer.inAny(HEADTEACHER, DSL)) {
            return Optional.of(new Shown(20, "home/visits-waiting",
                    new Data("Visits waiting for your decision", "No visit is waiting for your decision.", viewer.severalSchools(),
                            waitingFor(viewer))));
        }
        return Optional.empty();
    }

    private List<Waiting> waitingAt(Viewer viewer) {
        List<VisitRow> visits = jdbc.sql(SELECT + """
                WHERE v.school_id IN (:schools) AND v.status IN (:statuses) ORDER BY v.requested_at, v.reference LIMIT :limit""")
                .param("schools", viewer.schools()).param("statuses", WAITING).param("limit", LIMIT).query(VISIT_ROW).list();
        List<String> instances = visits.stream().map(VisitRow::processInstanceId).filter(id -> id != null).toList();
        Map<String, Task> taskOf = new LinkedHashMap<>();
        if (!instances.isEmpty()) {
            tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).orderByTaskCreateTime().asc().list()
                    .forEach(task -> taskOf.putIfAbsent(task.getProcessInstanceId(), task));
        }
        return visits.stream().map(visit -> row(visit, taskOf.get(visit.processInstanceId()))).toList();
    }

    private List<Waiting> waitingFor(Viewer viewer) {
        List<Task> decisions = tasks.createTaskQuery().processDefinitionKey(HomeVisitProcess.KEY)
                .tenantIdIn(viewer.schools().toArray(String[]::new)).taskDefinitionKeyIn(DECISIONS.toArray(String[]::new))
                .or().taskCandidateGroupIn(viewer.groups()).taskAssignee(viewer.userId()).endOr()
                .orderByTaskCreateTime().asc().listPage(0, LIMIT);
        if (decisions.isEmpty()) {
            return List.of();
        }
        Map<String, VisitRow> visitOf = new LinkedHashMap<>();
        jdbc.sql(SELECT + "WHERE v.process_instance_id IN (:instances)")
                .param("instances", decisions.stream().map(Task::getProcessInstanceId).distinct().toList())
                .query(VISIT_ROW).list().forEach(visit -> visitOf.put(visit.processInstanceId(), visit));
        return decisions.stream().filter(task -> visitOf.containsKey(task.getProcessInstanceId()))
                .map(task -> row(visitOf.get(task.getProcessInstanceId()), task)).toList();
    }

    private static final String SELECT = """
            SELECT v.reference, s.name AS school_name, p.first_name || ' ' || p.last_name AS pupil_name, v.reason, v.status,
                v.process_instance_id, v.requested_at
            FROM visit v JOIN pupil p ON p.id = v.pupil_id JOIN school s ON s.id = v.school_id
            """;

    /** Mapped by hand, in SELECT's column order: by record class the mapping cost the home page more than the query (docs/benchmarks.md "Pages"). */
    private static final RowMapper<VisitRow> VISIT_ROW = (rs, row) -> new VisitRow(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());

    private static Waiting row(VisitRow visit, Task task) {
        String waitingFor = task != null ? task.getName()
                : VisitService.AWAITING_LIST.equals(visit.status()) ? WAITING_FOR_LIST : "Being started";
        return new Waiting(visit.reference(), visit.schoolName(), visit.pupilName(),
                VisitReason.of(visit.reason()).map(VisitReason::label).orElse(visit.reason()), waitingFor, ShownTime.at(visit.requestedAt()),
                task == null ? null : TasklistLinks.task(task.getId()));
    }
}
