package org.doorstep.trigger;

import static org.doorstep.security.Roles.OFFICE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.web.HomeSection;
import org.doorstep.web.ShownTime;
import org.doorstep.web.TasklistLinks;
import org.doorstep.workflow.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Home: the open absence cases with a step waiting for this person today (the office's "Log contact
 * attempts"), most urgent first. A case's visits are waiting in the visit requests beside it, and the
 * safeguarding lead's steps are theirs alone.
 */
@Component
class AbsenceCasesToday implements HomeSection {

    static final int LIMIT = 20;

    private final TaskService tasks;
    private final JdbcClient jdbc;

    AbsenceCasesToday(TaskService tasks, JdbcClient jdbc) {
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    record CaseRow(String reference, String pupilId, String processInstanceId, LocalDate openedOn, String schoolName,
            String pupilName) {
    }

    /** {@code overdue} is said in words on the page, never by colour alone. */
    record Needing(String pupilId, String pupil, String school, String caseOpened, String step, String taskHref, String due,
            boolean overdue) {
    }

    record Data(boolean showSchool, List<Needing> cases) {
    }

    @Override
    public Optional<Shown> forViewer(Viewer viewer) {
        if (!viewer.inAny(OFFICE) || viewer.schools().isEmpty()) {
            return Optional.empty();
        }
        List<Task> waiting = tasks.createTaskQuery().processDefinitionKey(AbsenceCaseProcess.KEY)
                .tenantIdIn(viewer.schools().toArray(String[]::new))
                .or().taskCandidateGroupIn(viewer.groups()).taskAssignee(viewer.userId()).endOr()
                .orderByTaskPriority().desc().orderByTaskCreateTime().asc().listPage(0, LIMIT);
        Map<String, CaseRow> caseOf = new HashMap<>();
        if (!waiting.isEmpty()) {
            jdbc.sql("""
                    SELECT c.reference, c.pupil_id, c.process_instance_id, c.opened_on, s.name AS school_name,
                        p.first_name || ' ' || p.last_name AS pupil_name
                    FROM absence_case c JOIN pupil p ON p.id = c.pupil_id JOIN school s ON s.id = c.school_id
                    WHERE c.process_instance_id IN (:instances) AND c.closed_on IS NULL""")
                    .param("instances", waiting.stream().map(Task::getProcessInstanceId).distinct().toList())
                    .query((rs, row) -> new CaseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                            rs.getString(5), rs.getString(6))).list().forEach(row -> caseOf.put(row.processInstanceId(), row));
        }
        Instant now = EngineClock.now();
        LocalDate today = EngineClock.today();
        List<Needing> cases = waiting.stream().filter(task -> caseOf.containsKey(task.getProcessInstanceId())).map(task -> {
            CaseRow row = caseOf.get(task.getProcessInstanceId());
            String due;
            boolean overdue;
            if (task.getDueDate() != null) {
                due = ShownTime.at(task.getDueDate().toInstant());
                overdue = task.getDueDate().toInstant().isBefore(now);
            } else {
                // a step is due the school day it was raised: one left from an earlier day is overdue
                LocalDate raised = LocalDate.ofInstant(task.getCreateTime().toInstant(), EngineClock.SCHOOL_ZONE);
                due = raised.isBefore(today) ? ShownTime.on(raised) : "Today";
                overdue = raised.isBefore(today);
            }
            return new Needing(row.pupilId(), row.pupilName(), row.schoolName(), ShownTime.on(row.openedOn()), task.getName(),
                    TasklistLinks.task(task.getId()), due, overdue);
        }).toList();
        return Optional.of(new Shown(20, "home/absence-cases", new Data(viewer.severalSchools(), cases)));
    }
}
