package org.doorstep.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.doorstep.visit.HomeVisitProcess.Elements;
import static org.doorstep.visit.HomeVisitProcess.Variables.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doorstep.records.Documents;
import org.doorstep.records.VisitNotes;
import org.doorstep.workflow.ProcessVariable;
import org.doorstep.workflow.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every home-visit scenario test shares: the engine on a fixed clock, and one helper per human
 * step that fills its form the way a careful member of staff would. A scenario overrides only the
 * answers its path depends on.
 */
@org.junit.jupiter.api.extension.ExtendWith(HomeVisitCoverage.class)
public abstract class VisitScenarios {

    /** A Monday morning in term, so dates in letters are predictable. */
    public static final Instant NOW = Instant.parse("2026-11-23T09:30:00Z");
    public static final String PUPIL = "TVJ-0001";
    public static final String PUPIL_NAME_AMIRA = "Amira Example";
    public static final String PUPIL_WITH_SOCIAL_WORKER = "TVJ-0005";
    public static final String MOBILE = "07700 900004";

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected VisitService visits;
    @Autowired protected Documents documents;
    @Autowired protected VisitNotes notes;
    @Autowired protected VisitRules visitRules;

    @BeforeEach
    protected void fixTheClock() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    protected void resetTheClock() {
        ClockUtil.reset();
    }

    // ---- variables ------------------------------------------------------------------------

    public static final class Answers {
        private final Map<String, Object> values = new HashMap<>();

        public <T> Answers with(ProcessVariable<T> variable, T value) {
            variable.putInto(values, value);
            return this;
        }

        public Map<String, Object> map() {
            return values;
        }
    }

    protected static Answers answers() {
        return new Answers();
    }

    protected static <T> T variable(ProcessInstance instance, ProcessVariable<T> variable, RuntimeService runtime) {
        return variable.get(runtime.getVariables(instance.getId()));
    }

    protected <T> T variable(ProcessInstance instance, ProcessVariable<T> variable) {
        return variable(instance, variable, runtimeService);
    }

    // ---- tasks ----------------------------------------------------------------------------

    protected Task task(ProcessInstance instance, String elementId) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(elementId).singleResult();
        assertThat(task).as("open task " + elementId).isNotNull();
        return task;
    }

    protected void complete(ProcessInstance instance, String elementId, Answers answers) {
        assertThat(instance).isWaitingAt(elementId);
        taskService.complete(task(instance, elementId).getId(), answers.map());
    }

    protected ProcessInstance request(String pupilId, String reason) {
        return visits.requestVisit(pupilId, reason, "visitor1");
    }

    protected ProcessInstance request() {
        return request(PUPIL, "attendance");
    }

    // ---- one helper per step, with the answers of an ordinary visit ------------------------

    protected void authorise(ProcessInstance instance) {
        complete(instance, Elements.AUTHORISE, answers().with(AUTHORISATION_DECISION, "approved"));
    }

    protected Answers noHazards() {
        return answers()
                .with(HAZARD_AGGRESSIVE_FAMILY_MEMBER, false).with(HAZARD_KNOWN_INCIDENTS, false)
                .with(HAZARD_DANGEROUS_ANIMALS, false).with(HAZARD_DRIVING, false).with(HAZARD_PUBLIC_AREAS, false)
                .with(HAZARD_ILLNESS_OR_INJURY, false).with(HAZARD_LONE_WORKING, false)
                .with(PROTECTION_REGISTER_CHECKED, true).with(PROTECTION_REGISTER_HIT, false)
                .with(RISK_CONTROLS, "Two staff, office holds the plan.");
    }

    protected void assessRisk(ProcessInstance instance, Answers hazards) {
        complete(instance, Elements.ASSESS_RISK, hazards);
    }

    protected Answers ordinaryPlan() {
        return answers()
                .with(LEAD_VISITOR, "visitor1").with(LEAD_MOBILE, MOBILE)
                .with(COMPANION_KIND, "staff").with(COMPANION_STAFF, "visitor2").with(COMPANION_MOBILE, "+44 7700 900005")
                .with(TRANSPORT, "car").with(VEHICLE_MAKE, "Ford").with(VEHICLE_MODEL, "Fiesta")
                .with(VEHICLE_REGISTRATION, "ZZ24 DSP").with(VEHICLE_COLOUR, "Blue").with(VEHICLE_INSURANCE_CONFIRMED, true)
                .with(APPOINTMENT_TIME, NOW.toString()).with(EXPECTED_RETURN_TIME, "2026-11-23T11:30:00Z");
    }

    protected void plan(ProcessInstance instance) {
        complete(instance, Elements.PLAN, ordinaryPlan());
    }

    /** Requested, authorised and assessed as low risk: waiting for the plan. */
    protected ProcessInstance atThePlan() {
        ProcessInstance visit = request();
        authorise(visit);
        assessRisk(visit, noHazards());
        assertThat(visit).isWaitingAt(Elements.PLAN);
        return visit;
    }

    protected void signOut(ProcessInstance instance) {
        complete(instance, Elements.SIGN_OUT, answers().with(SIGN_OUT_CONFIRMED, true));
    }

    protected void arrive(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(Elements.GATEWAY_ON_THE_WAY);
        visits.reportArrived(instance.getBusinessKey());
    }

    /** From request to standing at the door: authorised, low risk, planned, signed out, arrived. */
    protected void goToTheDoor(ProcessInstance instance) {
        authorise(instance);
        assessRisk(instance, noHazards());
        plan(instance);
        signOut(instance);
        arrive(instance);
    }

    protected void parentArrives(ProcessInstance instance) {
        complete(instance, Elements.WAIT_FOR_PARENT, answers().with(PARENT_ARRIVAL, "arrived"));
    }

    /** Staff waiting at the door hear, {@code afterArrival}, that the parent is running late. */
    protected void parentPhonesToSayTheyAreLate(ProcessInstance instance, Duration afterArrival) {
        timePasses(afterArrival);
        complete(instance, Elements.WAIT_FOR_PARENT, answers().with(PARENT_ARRIVAL, "lateWithNotice"));
    }

    protected Answers allYesAtTheDoor() {
        return answers().with(ADULT_PRESENT_AND_INVITES, "yes").with(NOT_ONLY_CHILD_AT_HOME, "yes")
                .with(ANIMALS_SECURED, "yes").with(STAFF_FEEL_SAFE, "yes").with(CONCERN_AT_DOOR, "no");
    }

    protected void goIn(ProcessInstance instance) {
        complete(instance, Elements.DECIDE_ENTRY, allYesAtTheDoor());
    }

    protected void leave(ProcessInstance instance) {
        assertThat(instance).isWaitingAt(Elements.STAFF_LEAVING);
        visits.reportLeaving(instance.getBusinessKey());
    }

    /** From request to the record task: the whole visit happened. */
    protected void visitTheFamily(ProcessInstance instance) {
        goToTheDoor(instance);
        parentArrives(instance);
        goIn(instance);
        leave(instance);
    }

    /** From a finished plan to a filed ordinary record. */
    protected void fromSignOutToRecord(ProcessInstance instance) {
        signOut(instance);
        arrive(instance);
        parentArrives(instance);
        goIn(instance);
        leave(instance);
        complete(instance, Elements.RECORD_VISIT, ordinaryRecord());
    }

    /**
     * Thomas More ("the social worker must be informed before or after the visit"): not reachable
     * before, for {@code why}; the visit happens and is recorded, and then they are told.
     */
    protected void socialWorkerToldAfterTheVisit(ProcessInstance instance, String why) {
        complete(instance, Elements.INFORM_SOCIAL_WORKER, answers().with(SOCIAL_WORKER_INFORMED_BEFORE, false)
                .with(SOCIAL_WORKER_NOT_INFORMED_REASON, why));
        fromSignOutToRecord(instance);
        assertThat(instance).isWaitingAt(Elements.INFORM_SOCIAL_WORKER_AFTER);
        complete(instance, Elements.INFORM_SOCIAL_WORKER_AFTER, answers().with(SOCIAL_WORKER_INFORMED_AFTER, true));
        assertThat(instance).isEnded().hasPassed(Elements.END_COMPLETED);
    }

    protected Answers ordinaryRecord() {
        return answers().with(VISIT_OUTCOME, "Parent agreed attendance matters; Amira back tomorrow.").with(CHILD_SEEN, "yes")
                .with(AGREEMENTS, "").with(CONCERNS, "").with(SAFEGUARDING_CONCERN, false)
                .with(TELL_DSL, false).with(TELL_SENCO, false).with(TELL_CLASS_TEACHER, true);
    }

    protected Answers recordWithAgreements(String checkOn) {
        return ordinaryRecord().with(AGREEMENTS, "Amira will be at school by 8:50 every day.")
                .with(AGREEMENT_CHECK_DATE, checkOn);
    }

    /**
     * Completes a task as the signed-in user, with their groups and schools, so Camunda's
     * authorizations and tenant check apply to it and to everything the engine does in the same
     * call, as they do in Tasklist.
     */
    protected void completeAs(String userId, ProcessInstance instance, String elementId, Answers answers) {
        assertThat(instance).isWaitingAt(elementId);
        String taskId = task(instance, elementId).getId();
        SignedIn.as(engine.getIdentityService(), userId, () -> taskService.complete(taskId, answers.map()));
    }

    // ---- timers ---------------------------------------------------------------------------

    /**
     * Moves the engine clock to one second before the timer is due and shows it does not fire, then
     * to exactly when it is due and fires it: the wait is the policy's, not a second less.
     */
    protected void timerFiresAfterExactly(ProcessInstance instance, String timerElementId, Duration wait) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timerElementId)
                .timers().singleResult();
        assertThat(timer).as("timer " + timerElementId).isNotNull();
        Instant due = ClockUtil.getCurrentTime().toInstant().plus(wait);
        assertThat(timer.getDuedate().toInstant()).isEqualTo(due);
        ClockUtil.setCurrentTime(Date.from(due.minusSeconds(1)));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timerElementId)
                .executable().count()).as("timer due too early").isZero();
        ClockUtil.setCurrentTime(Date.from(due));
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timerElementId)
                .executable().count()).isOne();
        managementService.executeJob(timer.getId());
    }

    /** Time passes at the door: the engine clock moves on. */
    protected static void timePasses(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    /** Fires a date timer once the clock reaches it. */
    protected void timerFiresOn(ProcessInstance instance, String timerElementId, Instant due) {
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(timerElementId)
                .timers().singleResult();
        assertThat(timer).as("timer " + timerElementId).isNotNull();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(due);
        ClockUtil.setCurrentTime(Date.from(due));
        managementService.executeJob(timer.getId());
    }

    // ---- documents ------------------------------------------------------------------------

    protected String pdfText(long documentId) throws IOException {
        Documents.Document document = documents.document(documentId).orElseThrow();
        assertThat(document.contentType()).isEqualTo(Documents.PDF);
        try (PDDocument pdf = Loader.loadPDF(document.content())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    /** The rules the visit keeps (its row's snapshot, written when it started). */
    protected VisitRules.Rules rules(ProcessInstance instance) {
        return visitRules.ofVisit(instance.getBusinessKey());
    }

    /** What the form of the visit's open task at elementId reads: its own variables and the process's. */
    protected <T> T formVariable(ProcessInstance instance, String elementId, ProcessVariable<T> variable) {
        return variable.get(taskService.getVariables(task(instance, elementId).getId()));
    }

    protected String status(ProcessInstance instance) {
        return visits.status(instance.getBusinessKey()).orElseThrow();
    }
}
