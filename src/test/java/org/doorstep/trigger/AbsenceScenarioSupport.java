package org.doorstep.trigger;

import static org.doorstep.trigger.TriggerTestSupport.clockAt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.visit.HomeVisitProcess;
import org.doorstep.workflow.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the absence scenarios share: the test school, registers, running a day, tasks and visits. */
public abstract class AbsenceScenarioSupport {

    @Autowired
    protected AttendanceImport attendanceImport;
    @Autowired
    protected SchoolDirectory directory;
    @Autowired
    protected SchoolOnboarding onboarding;
    @Autowired
    protected SchoolCalendar calendar;
    @Autowired
    protected AbsenceEvaluation evaluation;
    @Autowired
    protected AbsenceCases cases;
    @Autowired
    protected VisitLists visitLists;
    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected IdentityService identityService;
    @LocalServerPort
    protected int port;

    @BeforeEach
    protected void setUpEngineAndSchool() {
        BpmnAwareTests.init(engine);
        TriggerTestSupport.ensureSchool(onboarding, calendar, identityService);
    }

    @AfterEach
    protected void resetClockAndUser() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    /** A pupil of the school, present every school day of the term before {@code firstAbsent}. */
    protected Pupil pupilPresentUntil(String schoolId, LocalDate firstAbsent, boolean vulnerable) {
        Pupil pupil = TriggerTestSupport.newPupil(directory, schoolId, vulnerable);
        register(pupil, TriggerTestSupport.TERM_START, firstAbsent.minusDays(1), "/");
        return pupil;
    }

    /** Imports the same code for both sessions of every school day from..to, as the office would each day. */
    protected void register(Pupil pupil, LocalDate from, LocalDate to, String code) {
        clockAt(to);
        TriggerTestSupport.importRows(attendanceImport,
                TriggerTestSupport.rows(pupil.id(), calendar.of(pupil.schoolId()), from, to, code));
    }

    /** Runs the day's evaluation for the pupil's school with the engine clock on that day. */
    protected AbsenceEvaluation.Report evaluate(Pupil pupil, LocalDate day) {
        clockAt(day);
        return evaluation.evaluate(pupil.schoolId(), day);
    }

    protected AbsenceCases.AbsenceCase openCase(Pupil pupil) {
        return cases.openCase(pupil.id()).orElseThrow(() -> new AssertionError("no open case for " + pupil.id()));
    }

    protected ProcessInstance caseInstance(AbsenceCases.AbsenceCase absenceCase) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(absenceCase.processInstanceId()).singleResult();
    }

    protected List<TriggerAction> actionsDueOn(AbsenceCases.AbsenceCase absenceCase, LocalDate day) {
        return cases.actions(absenceCase.reference()).stream().filter(a -> a.dueOn().equals(day))
                .map(AbsenceCases.Action::action).toList();
    }

    protected Task task(String caseReference, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseReference).taskDefinitionKey(taskKey).singleResult();
    }

    protected void completeAs(String user, Task task, Map<String, Object> variables) {
        SignedIn.as(identityService, user, () -> taskService.complete(task.getId(), variables));
    }

    /** Home visits started for the pupil (the visit process is another feature's: only its start is checked). */
    protected List<ProcessInstance> homeVisits(Pupil pupil) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(HomeVisitProcess.KEY)
                .variableValueEquals(HomeVisitProcess.Variables.PUPIL_ID.name(), pupil.id()).list();
    }

    /** Calls Doorstep's API as a machine client would, with the demo user's Basic credentials. */
    protected <T> HttpResponse<T> call(String user, String path, UnaryOperator<HttpRequest.Builder> method,
            HttpResponse.BodyHandler<T> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":doorstep-demo").getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(method.apply(request).build(), body);
    }

    protected String visitReason(ProcessInstance visit) {
        return HomeVisitProcess.Variables.REASON.get(runtimeService.getVariables(visit.getId()));
    }
}
