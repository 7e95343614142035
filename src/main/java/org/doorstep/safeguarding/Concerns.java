package org.doorstep.safeguarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.trigger.AbsenceCaseProcess;
import org.doorstep.trigger.AbsenceCases;
import org.doorstep.visit.HomeVisitProcess;
import org.springframework.stereotype.Service;

/**
 * The concerns waiting for the DSL and those decided, read from the DSL's own tasks: a concern is the
 * DSL task its raising opened, so it is in the inbox exactly when Tasklist has it, and decided exactly
 * when that task was completed, here or in Tasklist. Nothing here reads safeguarding text.
 */
@Service
class Concerns {

    /** Who raised an absence concern when no member of staff did: the daily absence check. */
    static final String ABSENCE_CHECK = "Doorstep's daily absence check";

    /** The inbox is for what is waiting; of the decided, the latest are enough (each one's page keeps the rest). */
    static final int DECIDED_SHOWN = 50;

    private final HistoryService history;
    private final VisitNotes notes;
    private final AbsenceCases absenceCases;
    private final DecisionChoices choices;

    Concerns(HistoryService history, VisitNotes notes, AbsenceCases absenceCases, DecisionChoices choices) {
        this.history = history;
        this.notes = notes;
        this.absenceCases = absenceCases;
        this.choices = choices;
    }

    /** The schools' concerns: those waiting first, oldest first; then those decided, latest first. */
    List<Concern> inbox(Collection<String> schools) {
        if (schools.isEmpty()) {
            return List.of();
        }
        String[] tenants = schools.toArray(String[]::new);
        List<HistoricTaskInstance> tasks = new ArrayList<>(history.createHistoricTaskInstanceQuery().tenantIdIn(tenants)
                .taskDefinitionKeyIn(ConcernSource.taskKeys()).unfinished().list());
        tasks.addAll(history.createHistoricTaskInstanceQuery().tenantIdIn(tenants)
                .taskDefinitionKeyIn(ConcernSource.taskKeys()).finished().orderByHistoricTaskInstanceEndTime().desc()
                .listPage(0, DECIDED_SHOWN));
        return concerns(tasks);
    }

    /** The concerns raised on one visit or absence case (its reference), usually one. */
    List<Concern> about(String reference) {
        return concerns(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKeyIn(ConcernSource.taskKeys()).list());
    }

    private List<Concern> concerns(List<HistoricTaskInstance> tasks) {
        List<HistoricTaskInstance> dslTasks = tasks.stream()
                .filter(task -> ConcernSource.of(task.getProcessDefinitionKey(), task.getTaskDefinitionKey()).isPresent())
                .toList();
        if (dslTasks.isEmpty()) {
            return List.of();
        }
        String[] instances = dslTasks.stream().map(HistoricTaskInstance::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, String> businessKeys = new HashMap<>();
        history.createHistoricProcessInstanceQuery().processInstanceIds(Set.of(instances)).list()
                .forEach(instance -> businessKeys.put(instance.getId(), instance.getBusinessKey()));
        // Both processes name the pupil with the same variables.
        Map<String, Map<String, Object>> variables = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances)
                .variableNameIn(HomeVisitProcess.Variables.PUPIL_ID.name(), HomeVisitProcess.Variables.PUPIL_NAME.name(),
                        HomeVisitProcess.Variables.DSL_DOOR_ACTION.name(), HomeVisitProcess.Variables.DSL_REVIEW_ACTION.name(),
                        AbsenceCaseProcess.Variables.REFERRAL_DECISION.name())
                // The absence case's own step removes the decision once it has recorded it.
                .includeDeleted().disableCustomObjectDeserialization().list()
                .forEach(variable -> variables.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue()));
        List<Concern> concerns = new ArrayList<>();
        for (HistoricTaskInstance task : dslTasks) {
            ConcernSource source = ConcernSource.of(task.getProcessDefinitionKey(), task.getTaskDefinitionKey()).orElseThrow();
            Map<String, Object> values = variables.getOrDefault(task.getProcessInstanceId(), Map.of());
            String reference = businessKeys.get(task.getProcessInstanceId());
            Instant raisedAt = task.getStartTime().toInstant();
            Status status = task.getEndTime() == null ? Status.WAITING
                    : "completed".equals(task.getDeleteReason()) ? Status.DECIDED : Status.CLOSED;
            String decision = status == Status.DECIDED
                    ? choices.label(source, task.getProcessDefinitionId(), (String) values.get(source.decision.name())).orElse(null)
                    : null;
            concerns.add(new Concern(task.getId(), source, reference, task.getProcessInstanceId(),
                    task.getProcessDefinitionId(), task.getTenantId(), raisedAt,
                    (String) values.get(HomeVisitProcess.Variables.PUPIL_ID.name()),
                    (String) values.get(HomeVisitProcess.Variables.PUPIL_NAME.name()),
                    raisedBy(source, reference, raisedAt), status, decision,
                    task.getEndTime() == null ? null : task.getEndTime().toInstant(),
                    status == Status.DECIDED ? decidedBy(task) : null));
        }
        List<Concern> ordered = new ArrayList<>(concerns.stream().filter(Concern::waiting)
                .sorted(Comparator.comparing(Concern::raisedAt)).toList());
        ordered.addAll(concerns.stream().filter(concern -> !concern.waiting())
                .sorted(Comparator.comparing(Concern::decidedAt).reversed()).toList());
        return ordered;
    }

    /**
     * The member of staff who wrote the concern: for a visit the author of the last safeguarding note
     * filed up to the moment the DSL's task opened (the same transaction); for an absence case the last
     * contact attempt logged by then, else the daily check that found the indicators.
     */
    private String raisedBy(ConcernSource source, String reference, Instant raisedAt) {
        if (source.isVisit()) {
            return notes.notes(reference, true).stream()
                    .filter(note -> note.kind() == NoteKind.SAFEGUARDING && !note.createdAt().isAfter(raisedAt))
                    .reduce((first, second) -> second).map(VisitNotes.Note::author).orElse(null);
        }
        return absenceCases.contactAttempts(reference).stream()
                .filter(attempt -> !attempt.attemptedAt().isAfter(raisedAt))
                .reduce((first, second) -> second).map(AbsenceCases.ContactAttempt::attemptedBy).orElse(ABSENCE_CHECK);
    }

    /** Who completed the DSL's task, here or in Tasklist: the engine logs the user of every completion. */
    private String decidedBy(HistoricTaskInstance task) {
        return history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
                .orElse(task.getAssignee());
    }

    enum Status {
        WAITING("Waiting for a decision"),
        DECIDED("Decided"),
        CLOSED("Closed without a decision (the case ended)");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record Concern(String taskId, ConcernSource source, String reference, String processInstanceId,
            String processDefinitionId, String schoolId, Instant raisedAt, String pupilId, String pupilName,
            String raisedBy, Status status, String decision, Instant decidedAt, String decidedBy) {

        boolean waiting() {
            return status == Status.WAITING;
        }

        boolean onVisit() {
            return source.isVisit();
        }
    }
}
