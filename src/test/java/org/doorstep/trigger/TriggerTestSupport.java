package org.doorstep.trigger;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.workflow.EngineClock;
import org.doorstep.workflow.SignedIn;

/**
 * Ladder Academy: a test school on the default policy (src/test/resources/policies), with a term
 * from 2 September to 18 December 2026 and an INSET closure on Wednesday 11 November. Every test
 * makes its own pupils, so tests sharing the application context never see each other's cases.
 */
public final class TriggerTestSupport {

    public static final String SCHOOL = "ladder-academy";
    public static final LocalDate TERM_START = LocalDate.of(2026, 9, 2);
    public static final LocalDate TERM_END = LocalDate.of(2026, 12, 18);
    public static final LocalDate CLOSURE = LocalDate.of(2026, 11, 11);

    private static final AtomicInteger PUPILS = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

    /** The test school, onboarded, whose tenant the demo office, DSL and headteacher also work for. */
    public static void ensureSchool(SchoolOnboarding onboarding, SchoolCalendar calendar, IdentityService identity) {
        onboarding.onboard(testSchool(SCHOOL, "LAD", 1), "test");
        for (String user : List.of("office", "dsl", "head")) {
            // The demo users exist only with the demo profile; the benchmark runs without it.
            boolean exists = identity.createUserQuery().userId(user).count() > 0;
            if (exists && identity.createTenantQuery().tenantId(SCHOOL).userMember(user).count() == 0) {
                identity.createTenantUserMembership(SCHOOL, user);
            }
        }
        calendar.addTerm(SCHOOL, "Autumn 2026", TERM_START, TERM_END);
        calendar.addClosure(SCHOOL, CLOSURE, SchoolCalendar.Kind.INSET, "INSET day");
    }

    /** What an administrator declares for made-up test school number {@code n} (1 to 999) of the given profile. */
    public static SchoolOnboarding.Onboarding testSchool(String profile, String referencePrefix, int n) {
        return new SchoolOnboarding.Onboarding(profile, null, "99%04d".formatted(n), "999", "999/" + (3000 + n),
                n + " Test Road, Testton", "01754 %06d".formatted(n), "office@" + profile + ".example", referencePrefix);
    }

    public static Pupil newPupil(SchoolDirectory directory, String schoolId, boolean vulnerable) {
        String id = "T" + RUN + "-" + PUPILS.incrementAndGet();
        Pupil pupil = new Pupil(id, schoolId, "Test", "Pupil " + id, LocalDate.of(2016, 1, 1), "Year 5", "1 Test Street",
                null, "Testton", "ZZ9 9ZZ", vulnerable, false, null, null);
        directory.addPupil(pupil, List.of(new Contact(id, "Parent of " + id, "Mother", "07700 900999", null, true, 1)));
        return pupil;
    }

    /** Two rows (AM and PM) with the same code for every school day from..to. */
    public static String rows(String pupilId, SchoolCalendar.SchoolDays days, LocalDate from, LocalDate to, String code) {
        StringBuilder csv = new StringBuilder();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (days.isSchoolDay(day)) {
                csv.append(pupilId).append(',').append(day).append(",AM,").append(code).append('\n');
                csv.append(pupilId).append(',').append(day).append(",PM,").append(code.equals("/") ? "\\" : code).append('\n');
            }
        }
        return csv.toString();
    }

    public static AttendanceImport.ImportReport importRows(AttendanceImport attendanceImport, String rows) {
        return attendanceImport.importCsv(new StringReader(AttendanceImport.HEADER + "\n" + rows), "test", "office");
    }

    /** Moves the engine clock (and so the register's "today") to 10:00 school time on the day. */
    public static void clockAt(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0)).atZone(EngineClock.SCHOOL_ZONE).toInstant()));
    }

    /** Compiles the school's visit list for today and signs it, as the policy's signer would. */
    public static void signTodaysVisitList(VisitLists visitLists, TaskService taskService, IdentityService identity,
            String schoolId, String signer) {
        String list = visitLists.compile(schoolId, EngineClock.today()).orElseThrow();
        Map<String, Object> signed = new HashMap<>();
        WeeklyVisitListProcess.Variables.DECISION.putInto(signed, WeeklyVisitListProcess.SIGNED);
        SignedIn.as(identity, signer, () -> taskService.complete(taskService.createTaskQuery()
                .processInstanceBusinessKey(list).singleResult().getId(), signed));
    }

    private TriggerTestSupport() {
    }
}
