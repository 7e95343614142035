package org.doorstep.safety;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.visit.VisitDeparted;
import org.doorstep.visit.VisitDeparted.Person;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives staff-safety watches in tests: signs staff out (by publishing {@link VisitDeparted} for a
 * visit row of its own), checks in, moves the engine clock and runs the jobs that are due, never
 * sleeping. {@link #close()} resets the clock and removes the watches it started, so other tests
 * sharing the engine never see their timers.
 */
public final class SafetyScenario implements AutoCloseable {

    static final String SCHOOL = "thames-view-junior";
    static final String PUPIL = "TVJ-0001";
    /** Monday 9:00 in term time: far from any real clock, so nothing depends on when the test runs. */
    /** The mobile the plan gives for every person signed out by {@link #depart}. */
    static final String PLAN_MOBILE = "07700 900777";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final ProcessEngine engine;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final CheckIns checkIns;
    private final List<String> references = new ArrayList<>();
    private final List<String> instanceIds = new ArrayList<>();
    private final String school;
    private final String pupil;
    private Instant now = START;

    SafetyScenario(ProcessEngine engine, ApplicationEventPublisher events, JdbcClient jdbc, CheckIns checkIns) {
        this(engine, events, jdbc, checkIns, SCHOOL, PUPIL);
    }

    /** A scenario for another school's visits (the per-school policy tests). */
    public SafetyScenario(ProcessEngine engine, ApplicationEventPublisher events, JdbcClient jdbc, CheckIns checkIns,
            String school, String pupil) {
        this.school = school;
        this.pupil = pupil;
        this.engine = engine;
        this.events = events;
        this.jdbc = jdbc;
        this.checkIns = checkIns;
        ClockUtil.setCurrentTime(Date.from(now));
    }

    /** Signs the staff out for a new visit, expected back after {@code visitLength}; returns the visit reference. */
    public String depart(Duration visitLength, String... staff) {
        return depart(visitLength, people(List.of(staff)));
    }

    /** As above, with the people (and the mobiles) the plan gives. */
    public String depart(Duration visitLength, List<Person> people) {
        List<String> staff = people.stream().map(Person::userId).filter(id -> id != null).toList();
        String reference = "HV-SAF-" + System.currentTimeMillis() % 100000 + "-" + COUNTER.incrementAndGet();
        jdbc.sql("INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at) VALUES (?, ?, ?, 'attendance', 'OUT', 'office', ?)")
                .params(reference, school, pupil, Timestamp.from(now)).update();
        references.add(reference);
        events.publishEvent(new VisitDeparted(reference, school, pupil, staff, people, "12 Test Street, Exampleton, ZZ1 1AB",
                "Car: Ford Fiesta ZZ24 DSP", null, now.plus(visitLength), null, "office"));
        ProcessInstance watch = watch(reference);
        if (watch != null) {
            instanceIds.add(watch.getId());
        }
        return reference;
    }

    /** The plan's people for these staff: each carries the scenario's {@link #PLAN_MOBILE}, which no directory entry has. */
    public static List<Person> people(List<String> staff) {
        return staff.stream().map(id -> new Person(id, id, null, PLAN_MOBILE)).toList();
    }

    /** Follows a watch started elsewhere (before a restart), with the engine clock at {@code at}. */
    public void follow(String reference, Instant at) {
        now = at;
        ClockUtil.setCurrentTime(Date.from(now));
        references.add(reference);
        instanceIds.add(watch(reference).getId());
    }

    public CheckIns.Receipt checkIn(String reference, CheckInType type, String user) {
        return checkIns.checkIn(reference, type, user, false, null);
    }

    public ProcessInstance watch(String reference) {
        return runtime().createProcessInstanceQuery().processDefinitionKey(StaffSafetyProcess.KEY)
                .processInstanceBusinessKey(reference).singleResult();
    }

    /** Moves the engine clock on and executes every job of this scenario's watches that is then due. */
    public void after(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
        runDueJobs();
    }

    public Instant now() {
        return now;
    }

    public void runDueJobs() {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 100; round++) {
            List<Job> due = new ArrayList<>();
            for (String instanceId : instanceIds) {
                due.addAll(management.createJobQuery().processInstanceId(instanceId).executable().list());
            }
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs keep becoming due: a timer loop?");
    }

    public List<Task> openTasks(String reference) {
        return tasks().createTaskQuery().processInstanceBusinessKey(reference).orderByTaskPriority().desc().list();
    }

    public long tasksEverCreated(String reference) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).count();
    }

    public TaskService tasks() {
        return engine.getTaskService();
    }

    public RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    @Override
    public void close() {
        ClockUtil.reset();
        for (String reference : references) {
            runtime().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                    .forEach(instance -> runtime().deleteProcessInstance(instance.getId(), "test finished"));
        }
    }
}
