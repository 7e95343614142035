package org.doorstep.trigger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.policy.UnknownPolicyProfileException;
import org.doorstep.visit.VisitStatusLabel;
import org.doorstep.web.ShownTime;
import org.doorstep.web.TasklistLinks;
import org.doorstep.workflow.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

/**
 * What is still owed to a child in an open absence case, each with when it is due, in words: the case's
 * steps waiting in Tasklist, its visits not yet made (a "must" duty said so), the policy's deadline for
 * eyes on the child, the timers of its visits, and the next daily absence check.
 */
@Service
class OpenDuties {

    /** {@code overdue} is said in words on the page, never by colour alone. */
    record Duty(String what, String due, boolean overdue, String href, String link) {
    }

    private final AbsenceCases cases;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final PolicyProfiles profiles;
    private final JdbcClient jdbc;
    private final CronExpression evaluationCron;

    OpenDuties(AbsenceCases cases, TaskService taskService, ManagementService managementService,
            RepositoryService repositoryService, PolicyProfiles profiles, JdbcClient jdbc,
            @Value("${doorstep.trigger.evaluation-cron:0 30 10 * * MON-FRI}") String evaluationCron) {
        this.cases = cases;
        this.taskService = taskService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.evaluationCron = CronExpression.parse(evaluationCron);
    }

    List<Duty> of(AbsenceCases.AbsenceCase open, List<PupilChronology.VisitRow> visits, SchoolCalendar.SchoolDays calendar) {
        List<Duty> duties = new ArrayList<>();
        Instant now = EngineClock.now();
        LocalDate today = EngineClock.today();
        if (open.processInstanceId() != null) {
            for (Task task : taskService.createTaskQuery().processInstanceId(open.processInstanceId())
                    .orderByTaskCreateTime().asc().list()) {
                Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
                duties.add(new Duty(task.getName(), due == null ? "Waiting since " + ShownTime.at(task.getCreateTime().toInstant())
                        : "Due " + ShownTime.at(due), due != null && due.isBefore(now), TasklistLinks.task(task.getId()),
                        "Open in Tasklist"));
            }
        }
        Map<String, PupilChronology.VisitRow> visitsByReference = visits.stream()
                .collect(Collectors.toMap(PupilChronology.VisitRow::reference, Function.identity()));
        for (AbsenceCases.Action action : cases.actions(open.reference())) {
            if (!action.action().isVisit() || action.unmetOn() != null) {
                continue;
            }
            PupilChronology.VisitRow visit = action.visitReference() == null ? null : visitsByReference.get(action.visitReference());
            if (visit != null && visit.endedAt() != null && !action.mustDuty()) {
                continue;
            }
            String what = action.action().label() + (action.mustDuty() ? ", which the school's policy says must happen" : "")
                    + (visit == null ? ": held for the weekly visit list"
                            : visit.endedAt() == null ? ": " + VisitStatusLabel.labelOf(visit.status())
                                    : ": the visit ended without the child seen; raised again while unseen");
            duties.add(new Duty(what, "Due since " + ShownTime.on(action.dueOn()), action.dueOn().isBefore(today),
                    visit == null ? null : "/visits/" + visit.reference(), visit == null ? null : visit.reference()));
        }
        eyesOn(open, calendar, today).ifPresent(duties::add);
        for (PupilChronology.VisitRow visit : visits) {
            if (visit.endedAt() == null) {
                timers(visit, now).forEach(duties::add);
            }
        }
        nextDailyCheck(calendar).ifPresent(duties::add);
        return duties;
    }

    /**
     * The policy's longest time without eyes on the child (triggers.maxSchoolDaysWithoutEyesOn): counted in
     * school days from the last day the child was seen, in the register or at home.
     */
    private Optional<Duty> eyesOn(AbsenceCases.AbsenceCase open, SchoolCalendar.SchoolDays calendar, LocalDate today) {
        int maxDays;
        try {
            maxDays = profiles.forSchool(open.schoolId()).triggers().maxSchoolDaysWithoutEyesOn();
        } catch (UnknownPolicyProfileException e) {
            return Optional.empty();
        }
        LocalDate seenInRegister = jdbc.sql("SELECT MAX(session_date) FROM attendance_mark WHERE pupil_id = ? AND seen")
                .param(open.pupilId()).query(LocalDate.class).optional().orElse(null);
        LocalDate lastSeen = open.lastSeenOn() == null || (seenInRegister != null && seenInRegister.isAfter(open.lastSeenOn()))
                ? seenInRegister : open.lastSeenOn();
        if (lastSeen == null) {
            return Optional.of(new Duty("Eyes on the child: not seen in any register Doorstep holds", "As soon as possible",
                    true, null, null));
        }
        LocalDate deadline = lastSeen;
        for (int counted = 0, guard = 0; counted < maxDays && guard < 366; guard++) {
            deadline = deadline.plusDays(1);
            if (calendar.isSchoolDay(deadline)) {
                counted++;
            }
        }
        return Optional.of(new Duty("Eyes on the child: last seen " + ShownTime.on(lastSeen) + "; the policy allows "
                + maxDays + " school days without seeing them", "By " + ShownTime.on(deadline), deadline.isBefore(today),
                null, null));
    }

    /** The visit's waits and watches (a reminder, a parent's wait, a missed check-in), named as the model names them. */
    private List<Duty> timers(PupilChronology.VisitRow visit, Instant now) {
        List<Duty> duties = new ArrayList<>();
        String instance = jdbc.sql("SELECT process_instance_id FROM visit WHERE reference = ?").param(visit.reference())
                .query(String.class).optional().orElse(null);
        if (instance == null) {
            return duties;
        }
        for (Job job : managementService.createJobQuery().processInstanceId(instance).timers()
                .orderByJobDuedate().asc().list()) {
            if (job.getDuedate() == null) {
                continue;
            }
            JobDefinition definition = managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                    .singleResult();
            String name = definition == null ? null : Optional.ofNullable(repositoryService
                    .getBpmnModelInstance(job.getProcessDefinitionId())
                    .<FlowElement>getModelElementById(definition.getActivityId())).map(FlowElement::getName).orElse(null);
            Instant due = job.getDuedate().toInstant();
            duties.add(new Duty("Timer on visit " + visit.reference() + (name == null ? "" : ": " + name), ShownTime.at(due),
                    due.isBefore(now), "/visits/" + visit.reference(), visit.reference()));
        }
        return duties;
    }

    /** The next run of the daily check on a school day, which raises the next rung of the ladder if still absent. */
    private Optional<Duty> nextDailyCheck(SchoolCalendar.SchoolDays calendar) {
        ZonedDateTime next = EngineClock.now().atZone(EngineClock.SCHOOL_ZONE);
        for (int guard = 0; guard < 400; guard++) {
            next = evaluationCron.next(next);
            if (next == null) {
                return Optional.empty();
            }
            if (calendar.isSchoolDay(next.toLocalDate())) {
                return Optional.of(new Duty("Next daily absence check: the register is read again and the next step raised"
                        + " if the child is still absent", ShownTime.at(next.toInstant()), false, null, null));
            }
        }
        return Optional.empty();
    }
}
