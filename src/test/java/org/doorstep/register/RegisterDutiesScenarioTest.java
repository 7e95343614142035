package org.doorstep.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.doorstep.trigger.TriggerTestSupport.clockAt;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.task.Task;
import org.doorstep.DoorstepTest;
import org.doorstep.school.Pupil;
import org.doorstep.school.PupilImport;
import org.doorstep.trigger.AbsenceScenarioSupport;
import org.doorstep.trigger.SchoolCalendar;
import org.doorstep.trigger.TriggerTestSupport;
import org.doorstep.workflow.EngineClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Register duties at Register Academy (term 2 September to 18 December 2026, half-term 26 to 30 October,
 * INSET Wednesday 11 November; its own school, so its half-term changes no other test's school days): the
 * office's task for an N opens on its deadline day and closes itself when the N is replaced; a new pupil's
 * return is checked by the office and sent to the local authority; 20 school days' absence and no return
 * from leave, with joint enquiries, go to the headteacher, and nothing is ever deleted by Doorstep.
 */
@DoorstepTest
class RegisterDutiesScenarioTest extends AbsenceScenarioSupport {

    private static final String SCHOOL = "register-academy";

    private static final AtomicLong UPNS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 100);

    @Autowired
    RegisterDuties duties;
    @Autowired
    PupilImport pupilImport;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void registerAcademy() {
        onboarding.onboard(TriggerTestSupport.testSchool(SCHOOL, "REGA", 41), "test");
        for (String user : List.of("office", "head")) {
            if (identityService.createTenantQuery().tenantId(SCHOOL).userMember(user).count() == 0) {
                identityService.createTenantUserMembership(SCHOOL, user);
            }
        }
        calendar.addTerm(SCHOOL, "Autumn 2026", TriggerTestSupport.TERM_START, TriggerTestSupport.TERM_END);
        calendar.addClosure(SCHOOL, TriggerTestSupport.CLOSURE, SchoolCalendar.Kind.INSET, "INSET day");
        for (int day = 26; day <= 30; day++) {
            calendar.addClosure(SCHOOL, LocalDate.of(2026, 10, day), SchoolCalendar.Kind.HALF_TERM, "Half-term");
        }
    }

    @Test
    void anNNotReplacedWithinFiveSchoolDaysGivesTheOfficeATaskThatClosesWhenTheNIsReplaced() {
        LocalDate n = LocalDate.of(2026, 11, 5);
        Pupil pupil = pupilPresentUntil(SCHOOL, n, false);
        register(pupil, n, n, "N");
        register(pupil, LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 13), "/");

        // Fri 6, Mon 9, Tue 10, (INSET Wed 11), Thu 12: four school days gone, the register can still be put right.
        check(LocalDate.of(2026, 11, 12));
        assertThat(duties.duties(pupil.id())).isEmpty();

        check(LocalDate.of(2026, 11, 13));
        check(LocalDate.of(2026, 11, 13));
        RegisterDuties.Duty duty = single(duties.duties(pupil.id()));
        assertThat(duty.kind()).isEqualTo(DutyKind.N_REASON);
        assertThat(duty.dueOn()).isEqualTo(LocalDate.of(2026, 11, 13));
        Task task = taskOf(duty);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(RegisterDutyProcess.Elements.FIND_REASON_FOR_N);
        assertThat(task.getName()).isEqualTo("Find the reason for N on Thu 5 Nov 2026: " + pupil.fullName() + " (" + duty.reference() + ")");
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(link -> "office".equals(link.getGroupId()));
        assertThat(task.getDueDate().toInstant().atZone(EngineClock.SCHOOL_ZONE).toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 13));
        assertThat(duty.evidence()).contains("AM and PM sessions of Thu 5 Nov 2026").contains("by the end of Fri 13 Nov 2026");

        // The office learns the reason (illness) and the corrected register is imported: the task closes at once.
        register(pupil, n, n, "I");
        RegisterDuties.Duty closed = single(duties.duties(pupil.id()));
        assertThat(taskService.createTaskQuery().processInstanceId(closed.processInstanceId()).count()).isZero();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.outcome()).isEqualTo("Closed by the register: the N was replaced by I and I in the register");
    }

    @Test
    void theOfficeThatFindsTheReasonItselfClosesTheDutyWithWhatItLearnt() {
        LocalDate n = LocalDate.of(2026, 11, 5);
        Pupil pupil = pupilPresentUntil(SCHOOL, n, false);
        register(pupil, n, n, "N");
        register(pupil, LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 13), "/");
        check(LocalDate.of(2026, 11, 13));
        Task task = taskOf(single(duties.duties(pupil.id())));

        Map<String, Object> done = new HashMap<>();
        RegisterDutyProcess.Variables.NOTES.putInto(done, "Mother phoned: a dental appointment; the register is corrected to M");
        completeAs("office", task, done);

        RegisterDuties.Duty closed = single(duties.duties(pupil.id()));
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.outcome()).contains("Mother phoned: a dental appointment");
    }

    @Test
    void aPupilAddedToTheRegisterIsReturnedToTheLocalAuthorityOnceTheOfficeHasCheckedIt() {
        clockAt(LocalDate.of(2026, 11, 4));
        // The school's first import brings the pupils it had; only a later import admits new ones.
        importPupil(upn(), "Ada");
        String upn = upn();
        importPupil(upn, "Bea");

        RegisterDuties.Duty duty = single(duties.duties(upn));
        assertThat(duty.kind()).isEqualTo(DutyKind.NEW_PUPIL_RETURN);
        assertThat(duty.aboutDate()).isEqualTo(LocalDate.of(2026, 11, 4));
        assertThat(duty.dueOn()).as("Wed 4 Nov + 5 days, over the weekend").isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(jdbc.sql("SELECT admitted_on FROM pupil WHERE id = ?").param(upn).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2026, 11, 4));
        Task task = taskOf(duty);
        assertThat(task.getName()).startsWith("Notify the local authority by Mon 9 Nov 2026: Bea Register");

        Map<String, Object> done = new HashMap<>();
        RegisterDutyProcess.Variables.NOTES.putInto(done, "Start date confirmed with the family");
        completeAs("office", task, done);

        List<Map<String, Object>> sent = jdbc.sql("SELECT recipient, subject, body FROM notification_outbox WHERE alert_key = ?")
                .param("new-pupil-return-" + duty.reference()).query().listOfRows();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("RECIPIENT")).isEqualTo("new-pupils@register-la.example");
        assertThat((String) sent.get(0).get("BODY")).contains("Name: Bea Register").contains("UPN: " + upn)
                .contains("Entered in the admission register: Wed 4 Nov 2026").contains("Start date confirmed with the family");
        RegisterDuties.Duty closed = single(duties.duties(upn));
        assertThat(closed.outcome()).startsWith("Done: Sent to new-pupils@register-la.example");
    }

    @Test
    void twentySchoolDaysOfAbsenceAcrossHalfTermWithJointEnquiriesGoToTheHeadteacherAndNothingIsDeleted() {
        LocalDate first = LocalDate.of(2026, 10, 12);
        Pupil pupil = pupilPresentUntil(SCHOOL, first, false);
        register(pupil, first, LocalDate.of(2026, 11, 16), "O");
        duties.recordEnquiry(pupil.id(), RegisterDuties.EnquiryBy.SCHOOL, LocalDate.of(2026, 11, 10), "Home visit, no answer; neighbours say moved", "office");

        check(LocalDate.of(2026, 11, 16));
        assertThat(duties.duties(pupil.id())).as("the local authority's enquiries are not on record yet").isEmpty();

        duties.recordEnquiry(pupil.id(), RegisterDuties.EnquiryBy.LOCAL_AUTHORITY, LocalDate.of(2026, 11, 16), "CME officer: not at the address", "office");
        check(LocalDate.of(2026, 11, 16));
        RegisterDuties.Duty duty = single(duties.duties(pupil.id()));
        assertThat(duty.kind()).isEqualTo(DutyKind.DELETION_CONTINUOUS_ABSENCE);
        assertThat(duty.aboutDate()).isEqualTo(first);
        assertThat(duty.evidence()).contains("20 school days from Mon 12 Oct 2026 to Mon 16 Nov 2026")
                .contains("CME officer: not at the address").contains("reg. 9(1)(i)");
        Task task = taskOf(duty);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(RegisterDutyProcess.Elements.DECIDE_ON_DELETION);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).anyMatch(link -> "headteacher".equals(link.getGroupId()));

        Map<String, Object> decision = new HashMap<>();
        RegisterDutyProcess.Variables.DELETION_DECISION.putInto(decision, RegisterDutyProcess.DELETE);
        RegisterDutyProcess.Variables.NOTES.putInto(decision, "No grounds to believe the pupil is ill");
        completeAs("head", task, decision);
        assertThat(single(duties.duties(pupil.id())).outcome())
                .isEqualTo("Headteacher decided to delete the name on this ground: No grounds to believe the pupil is ill");
        assertThat(jdbc.sql("SELECT left_on FROM pupil WHERE id = ?").param(pupil.id()).query(LocalDate.class).optional())
                .as("the name is deleted in the MIS by the office, never by Doorstep").isEmpty();
    }

    @Test
    void notBackWithinTenSchoolDaysOfLeaveIsPutToTheHeadteacherOnceBothEnquiriesAreRecordedThroughTheApi() throws Exception {
        Pupil pupil = pupilPresentUntil(SCHOOL, LocalDate.of(2026, 10, 5), false);
        register(pupil, LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 16), "C");
        // Mon 19 to Fri 23 October, half-term, Mon 2 to Fri 6 November: ten school days without attending.
        register(pupil, LocalDate.of(2026, 10, 19), LocalDate.of(2026, 11, 6), "O");
        clockAt(LocalDate.of(2026, 11, 6));

        HttpResponse<String> future = enquiry(pupil, "{\"madeBy\":\"SCHOOL\",\"madeOn\":\"2026-11-09\",\"summary\":\"Phoned\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("madeOn must be a date, not in the future");
        assertThat(enquiry(pupil, "{\"madeBy\":\"SCHOOL\",\"madeOn\":\"2026-11-02\",\"summary\":\"Phoned every contact; home visit\"}")
                .statusCode()).isEqualTo(201);
        assertThat(checkThroughApi().body()).as("the local authority's enquiries are missing").contains("\"opened\":0");
        assertThat(enquiry(pupil, "{\"madeBy\":\"LOCAL_AUTHORITY\",\"madeOn\":\"2026-11-05\",\"summary\":\"CME checks: not known at the address\"}")
                .statusCode()).isEqualTo(201);
        assertThat(checkThroughApi().statusCode()).isEqualTo(200);

        HttpResponse<String> listed = call("office", "/api/pupils/" + pupil.id() + "/register-duties", HttpRequest.Builder::GET,
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("DELETION_NO_RETURN_FROM_LEAVE").contains("Leave of absence ended Fri 16 Oct 2026")
                .contains("CME checks: not known at the address");
        RegisterDuties.Duty duty = single(duties.duties(pupil.id()));
        assertThat(duty.aboutDate()).isEqualTo(LocalDate.of(2026, 10, 19));
        assertThat(taskOf(duty).getName()).startsWith("Decide on deletion (not back from leave of absence): " + pupil.fullName());

        assertThat(call("visitor1", "/api/pupils/" + pupil.id() + "/register-duties", HttpRequest.Builder::GET,
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("visiting staff keep no register").isEqualTo(403);
        assertThat(call("lyn-office", "/api/pupils/" + pupil.id() + "/register-duties", HttpRequest.Builder::GET,
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("another school's office").isEqualTo(404);

        // The pupil comes back before the headteacher decided: the task closes itself.
        register(pupil, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 9), "/");
        check(LocalDate.of(2026, 11, 9));
        RegisterDuties.Duty overtaken = single(duties.duties(pupil.id()));
        assertThat(taskOf(overtaken)).isNull();
        assertThat(overtaken.outcome()).isEqualTo("Closed by the register: the pupil attended again by Mon 9 Nov 2026");
    }

    private HttpResponse<String> enquiry(Pupil pupil, String json) throws Exception {
        return call("office", "/api/pupils/" + pupil.id() + "/register-enquiries", request -> request
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> checkThroughApi() throws Exception {
        return call("office", "/api/register-duties/check?school=" + SCHOOL + "&date=2026-11-06",
                request -> request.POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString());
    }

    private void check(LocalDate day) {
        clockAt(day);
        duties.evaluate(SCHOOL, day);
    }

    private Task taskOf(RegisterDuties.Duty duty) {
        return taskService.createTaskQuery().processInstanceBusinessKey(duty.reference()).singleResult();
    }

    private static RegisterDuties.Duty single(List<RegisterDuties.Duty> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private void importPupil(String upn, String firstName) {
        pupilImport.importCsv(SCHOOL, new StringReader("upn,first_name,last_name,date_of_birth,address_line1,town,postcode,"
                + "contact1_name,contact1_relationship,contact1_phones\n" + upn + "," + firstName
                + ",Register,2017-02-01,1 Test Street,Testton,ZZ9 9ZZ,Kim Register,Mother,07700 900001\n"), false, "test", "office");
    }

    private static String upn() {
        return "R" + String.format("%011d", UPNS.incrementAndGet() % 100_000_000_000L) + "0";
    }
}
