package org.doorstep.visit;

import static org.doorstep.visit.HomeVisitProcess.Variables.APPOINTMENT_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_KIND;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_MOBILE;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_NAME;
import static org.doorstep.visit.HomeVisitProcess.Variables.COMPANION_ORGANISATION;
import static org.doorstep.visit.HomeVisitProcess.Variables.EXPECTED_RETURN_TIME;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_MOBILE;
import static org.doorstep.visit.HomeVisitProcess.Variables.LEAD_VISITOR;
import static org.doorstep.visit.HomeVisitProcess.Variables.TRANSPORT;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_COLOUR;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_MAKE;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_MODEL;
import static org.doorstep.visit.HomeVisitProcess.Variables.VEHICLE_REGISTRATION;
import static org.doorstep.visit.HomeVisitProcess.Variables.VISIT_ADDRESS;
import static org.doorstep.visit.HomeVisitProcess.Variables.WALKING_ROUTE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.doorstep.records.AuditTrail;
import org.doorstep.records.Documents;
import org.doorstep.records.NoteKind;
import org.doorstep.records.VisitNotes;
import org.doorstep.security.Roles;
import org.doorstep.web.ShownTime;
import org.doorstep.web.ShownWords;
import org.doorstep.web.TasklistLinks;
import org.doorstep.workflow.People;
import org.doorstep.workflow.ProcessVariable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything the visit page shows about one visit, read in a handful of queries whatever the visit's length:
 * its row with the pupil and school, the plan from the process's variables, the engine's history of every
 * process under the visit's reference (the visit and its safety watch) merged with Doorstep's own records,
 * its documents, notes, open tasks and timers. People are named, never shown by user id; times are the
 * school's.
 */
@Service
class VisitOverview {

    /**
     * Steps of the models worth a line on the time line; gateways and the sub-process frame are not, nor the
     * start events: Doorstep's own record of the request (or the sign-out) says the same with who did it.
     */
    private static final Set<String> STEP_TYPES = Set.of("userTask", "serviceTask", "sendTask",
            "businessRuleTask", "callActivity", "intermediateMessageCatch", "intermediateTimer", "intermediateSignalCatch",
            "boundaryTimer", "boundaryMessage", "boundarySignal", "boundaryError", "noneEndEvent", "endEvent",
            "terminateEndEvent", "errorEndEvent");
    /** Reads are audited but are not steps of the visit. */
    private static final Set<String> READS = Set.of("DOCUMENT_READ", "SAFEGUARDING_NOTES_READ");
    private static final List<ProcessVariable<?>> PLAN = List.of(LEAD_VISITOR, LEAD_MOBILE, COMPANION_KIND, COMPANION_NAME,
            COMPANION_ORGANISATION, COMPANION_MOBILE, TRANSPORT, VEHICLE_MAKE, VEHICLE_MODEL, VEHICLE_REGISTRATION,
            VEHICLE_COLOUR, WALKING_ROUTE, APPOINTMENT_TIME, EXPECTED_RETURN_TIME, VISIT_ADDRESS);

    private final JdbcClient jdbc;
    private final HistoryService history;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final People staffNames;
    private final AuditTrail audit;
    private final Documents documents;
    private final VisitNotes notes;

    VisitOverview(JdbcClient jdbc, HistoryService history, TaskService tasks, ManagementService management,
            RepositoryService repository, People staffNames, AuditTrail audit, Documents documents, VisitNotes notes) {
        this.jdbc = jdbc;
        this.history = history;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.staffNames = staffNames;
        this.audit = audit;
        this.documents = documents;
        this.notes = notes;
    }

    record Row(String reference, String schoolId, String schoolName, String pupilId, String firstName, String lastName,
            String yearGroup, String reason, String status, String requestedBy, Instant requestedAt, String venueKind) {
    }

    record Person(String name, String part, String organisation, String mobile) {
    }

    record Fact(String label, String value) {
    }

    record Step(String when, String what, String who) {
    }

    record Paper(String kind, String fileName, String when, String href) {
    }

    record Written(String kind, String body, String who, String when) {
    }

    record OpenTask(String name, String forWhom, String assignee, String since, String href) {
    }

    record Page(String reference, String pupilId, String pupilName, String yearGroup, String schoolName, String schoolId,
            String reason, String status, boolean finished, String requestedBy, String requestedAt, List<Person> people,
            List<Fact> plan, List<Step> timeLine, List<Paper> documents, List<Written> notes,
            List<Written> safeguardingNotes, List<OpenTask> openTasks, List<String> next) {
    }

    Optional<Row> row(String reference) {
        return jdbc.sql("""
                SELECT v.reference, v.school_id, s.name AS school_name, v.pupil_id, p.first_name, p.last_name, p.year_group,
                    v.reason, v.status, v.requested_by, v.requested_at, v.venue_kind
                FROM visit v JOIN pupil p ON p.id = v.pupil_id JOIN school s ON s.id = v.school_id
                WHERE v.reference = ?""").param(reference).query(Row.class).optional();
    }

    /**
     * The page for {@code reader}; {@code safeguardingReader} (DSL, headteacher) also gets the safeguarding
     * notes, and reading them is audited as the notes API audits it.
     */
    Page page(Row visit, String reader, boolean safeguardingReader) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(visit.reference()).orderByProcessInstanceStartTime().asc().list();
        Map<String, Object> plan = plan(instances);
        List<Raw> raw = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            raw.addAll(steps(instance));
        }
        for (AuditTrail.AuditEvent event : audit.events("visit", visit.reference())) {
            if (!READS.contains(event.action())) {
                raw.add(new Raw(event.occurredAt(), RECORDED, recorded(event), event.actor()));
            }
        }
        List<VisitNotes.Note> written = notes.notes(visit.reference(), safeguardingReader);
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(visit.reference()).initializeFormKeys()
                .orderByTaskCreateTime().asc().list();
        List<Job> timers = instances.stream().filter(instance -> instance.getEndTime() == null)
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream())
                .sorted(Comparator.comparing(Job::getDuedate)).toList();

        Set<String> people = new HashSet<>();
        raw.forEach(step -> people.add(step.who()));
        written.forEach(note -> people.add(note.author()));
        open.forEach(task -> people.add(task.getAssignee()));
        people.add(visit.requestedBy());
        people.add((String) plan.get(LEAD_VISITOR.name()));
        if ("staff".equals(plan.get(COMPANION_KIND.name()))) {
            people.add((String) plan.get(COMPANION_NAME.name()));
        }
        Map<String, String> names = staffNames.names(people);

        List<Step> timeLine = raw.stream().sorted(Comparator.comparing(Raw::at).thenComparingInt(Raw::rank))
                .map(step -> new Step(ShownTime.at(step.at()), step.what(), name(names, step.who()))).toList();
        List<Written> ordinary = written.stream().filter(note -> note.kind() != NoteKind.SAFEGUARDING)
                .map(note -> written(note, names)).toList();
        List<Written> safeguarding = null;
        if (safeguardingReader) {
            safeguarding = written.stream().filter(note -> note.kind() == NoteKind.SAFEGUARDING).map(note -> written(note, names)).toList();
            if (!safeguarding.isEmpty()) {
                audit.record(reader, "SAFEGUARDING_NOTES_READ", "visit", visit.reference(), "visit page");
            }
        }
        List<Paper> papers = documents.documents(visit.reference()).stream()
                .map(document -> new Paper(ShownWords.of(document.kind()), document.fileName(), ShownTime.at(document.createdAt()),
                        "/api/documents/" + document.id())).toList();
        List<OpenTask> openTasks = open.stream().map(task -> new OpenTask(task.getName(), candidates(task),
                task.getAssignee() == null ? null : name(names, task.getAssignee()),
                ShownTime.at(task.getCreateTime().toInstant()), TasklistLinks.task(task.getId()))).toList();
        List<String> next = new ArrayList<>();
        openTasks.forEach(task -> next.add(task.name() + ": waiting for " + (task.assignee() != null ? task.assignee() : task.forWhom()) + "."));
        timers.forEach(timer -> next.add(stepName(timer) + " on " + ShownTime.at(timer.getDuedate().toInstant()) + "."));

        return new Page(visit.reference(), visit.pupilId(), visit.firstName() + " " + visit.lastName(), visit.yearGroup(),
                visit.schoolName(), visit.schoolId(),
                VisitReason.of(visit.reason()).map(VisitReason::label).orElse(visit.reason()),
                VisitStatusLabel.labelOf(visit.status()), VisitStatusLabel.isFinished(visit.status()), name(names, visit.requestedBy()),
                ShownTime.at(visit.requestedAt()), people(plan, names), facts(plan), timeLine, papers, ordinary, safeguarding,
                openTasks, next);
    }

    /** The plan's answers, from the history so a finished visit shows its plan too. */
    private Map<String, Object> plan(List<HistoricProcessInstance> instances) {
        Map<String, Object> plan = new HashMap<>();
        instances.stream().filter(instance -> HomeVisitProcess.KEY.equals(instance.getProcessDefinitionKey())).findFirst()
                .ifPresent(visit -> history.createHistoricVariableInstanceQuery().processInstanceId(visit.getId())
                        .variableNameIn(PLAN.stream().map(ProcessVariable::name).toArray(String[]::new))
                        .disableCustomObjectDeserialization().list().stream()
                        .filter(variable -> variable.getValue() != null)
                        .forEach(variable -> plan.put(variable.getName(), variable.getValue())));
        return plan;
    }

    private List<Raw> steps(HistoricProcessInstance instance) {
        Map<String, String> completedBy = history.createUserOperationLogQuery().processInstanceId(instance.getId())
                .entityType(EntityTypes.TASK).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .filter(entry -> entry.getTaskId() != null && entry.getUserId() != null)
                .collect(Collectors.toMap(UserOperationLogEntry::getTaskId, UserOperationLogEntry::getUserId, (a, b) -> a));
        List<Raw> steps = new ArrayList<>();
        for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
            if (step.getActivityName() == null || !STEP_TYPES.contains(step.getActivityType())) {
                continue;
            }
            boolean task = "userTask".equals(step.getActivityType());
            String name = step.getActivityName();
            if (task && step.getEndTime() == null) {
                steps.add(new Raw(step.getStartTime().toInstant(), WAITING, name + ": waiting", null));
            } else if (task) {
                String who = step.getAssignee() != null ? step.getAssignee() : completedBy.get(step.getTaskId());
                steps.add(new Raw(step.getEndTime().toInstant(), DONE, name + ": done", who));
            } else {
                steps.add(new Raw(step.getStartTime().toInstant(), DONE, name, null));
            }
        }
        return steps;
    }

    private static String recorded(AuditTrail.AuditEvent event) {
        String action = event.action();
        if ("VISIT_STATUS".equals(action)) {
            return "Status: " + VisitStatusLabel.labelOf(event.detail());
        }
        if (action.startsWith("CHECK_IN_")) {
            return "Check-in: " + ShownWords.of(action.substring("CHECK_IN_".length())).toLowerCase(Locale.UK);
        }
        return ShownWords.of(action);
    }

    private List<Person> people(Map<String, Object> plan, Map<String, String> names) {
        List<Person> people = new ArrayList<>();
        String lead = (String) plan.get(LEAD_VISITOR.name());
        if (lead != null) {
            people.add(new Person(name(names, lead), "Lead", null, (String) plan.get(LEAD_MOBILE.name())));
        }
        String companion = (String) plan.get(COMPANION_NAME.name());
        Object kind = plan.get(COMPANION_KIND.name());
        if (companion != null && "staff".equals(kind)) {
            people.add(new Person(name(names, companion), "With", null, (String) plan.get(COMPANION_MOBILE.name())));
        } else if (companion != null && CheckVisitPlan.AGENCY.equals(kind)) {
            people.add(new Person(companion, "With", (String) plan.get(COMPANION_ORGANISATION.name()),
                    (String) plan.get(COMPANION_MOBILE.name())));
        }
        return people;
    }

    private static List<Fact> facts(Map<String, Object> plan) {
        List<Fact> facts = new ArrayList<>();
        fact(facts, "Appointment", time(plan.get(APPOINTMENT_TIME.name())));
        fact(facts, "Expected back", time(plan.get(EXPECTED_RETURN_TIME.name())));
        fact(facts, "Where", (String) plan.get(VISIT_ADDRESS.name()));
        if (CheckVisitPlan.CAR.equals(plan.get(TRANSPORT.name()))) {
            fact(facts, "Transport", "Car: " + Stream.of(VEHICLE_COLOUR, VEHICLE_MAKE, VEHICLE_MODEL, VEHICLE_REGISTRATION)
                    .map(part -> (String) plan.get(part.name())).filter(Objects::nonNull).collect(Collectors.joining(" ")));
        } else if (plan.get(TRANSPORT.name()) != null) {
            fact(facts, "Transport", "On foot");
            fact(facts, "Route", (String) plan.get(WALKING_ROUTE.name()));
        }
        return facts;
    }

    private static void fact(List<Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value));
        }
    }

    private static String time(Object value) {
        return value == null ? null : VisitTimes.parse(value.toString()).map(ShownTime::at).orElse(value.toString());
    }

    /** The groups whose members may take the task, in words. */
    private String candidates(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> Roles.ALL.stream().filter(role -> role.id().equals(link.getGroupId())).findFirst()
                        .map(Roles.Role::name).orElse(link.getGroupId()))
                .distinct().collect(Collectors.joining(" or "));
    }

    private String stepName(Job timer) {
        String activityId = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult()
                .getActivityId();
        FlowElement element = repository.getBpmnModelInstance(timer.getProcessDefinitionId()).getModelElementById(activityId);
        return element != null && element.getName() != null ? element.getName() : "A timer";
    }

    private Written written(VisitNotes.Note note, Map<String, String> names) {
        return new Written(ShownWords.of(note.kind().name()), note.body(), name(names, note.author()), ShownTime.at(note.createdAt()));
    }

    private static String name(Map<String, String> names, String id) {
        return id == null ? "" : names.getOrDefault(id, id);
    }

    /**
     * One line before it is shown. At the same moment, a step the engine took comes first, then what Doorstep
     * recorded of it (a status), then a task it opened: the order things happened in one transaction.
     */
    private record Raw(Instant at, int rank, String what, String who) {
    }

    private static final int DONE = 0;
    private static final int RECORDED = 1;
    private static final int WAITING = 2;
}
