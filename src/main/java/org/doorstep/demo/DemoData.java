package org.doorstep.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.SchoolOnboarding;
import org.doorstep.school.Staff;
import org.doorstep.security.Roles;
import org.doorstep.trigger.CalendarImport;
import org.doorstep.trigger.SchoolCalendar;
import org.doorstep.workflow.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Five synthetic schools, one for each shipped policy profile, onboarded as an administrator would
 * (with their 2026-27 calendar), each with its own pupils, contacts, staff and one user per role, plus a
 * local-authority officer who works for two schools. Every name, address and number here is made up.
 */
@Component
@Profile("demo")
class DemoData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Thames View's users have plain names (head, office, visitor1...); the others' carry a prefix. */
    /** The reference prefixes are the ones the demo's visits had before schools declared theirs (HV-THA-00001). */
    private static final List<DemoSchool> SCHOOLS = List.of(
            new DemoSchool("thames-view-junior", "Thames View Junior School", "", "TVJ", "Exampleton", "THA"),
            new DemoSchool("lynnfield-primary", "Lynnfield Primary School", "lyn-", "LYN", "Sampleford", "LYN"),
            new DemoSchool("burgh-lincolnshire", "Burgh School", "bur-", "BUR", "Testby", "BUR"),
            new DemoSchool("thomas-more-catholic", "Thomas More Catholic School", "tmc-", "TMC", "Mockley", "THO"),
            new DemoSchool("william-lilley-infant-nursery", "William Lilley Infant and Nursery School", "wli-", "WLI", "Fauxton",
                    "WIL"));

    /** A synthetic 2026-27 calendar in the usual English pattern, the same for every demo school. */
    private static final List<CalendarImport.EntryRequest> CALENDAR = List.of(
            new CalendarImport.EntryRequest("TERM", "Autumn 1", "2026-09-02", "2026-10-23"),
            new CalendarImport.EntryRequest("TERM", "Autumn 2", "2026-11-02", "2026-12-18"),
            new CalendarImport.EntryRequest("TERM", "Spring 1", "2027-01-04", "2027-02-12"),
            new CalendarImport.EntryRequest("TERM", "Spring 2", "2027-02-22", "2027-03-26"),
            new CalendarImport.EntryRequest("TERM", "Summer 1", "2027-04-12", "2027-05-28"),
            new CalendarImport.EntryRequest("TERM", "Summer 2", "2027-06-07", "2027-07-21"),
            new CalendarImport.EntryRequest("INSET", "INSET day", "2027-01-04", null),
            new CalendarImport.EntryRequest("BANK_HOLIDAY", "Early May bank holiday", "2027-05-03", null));

    /** user id (before the school's prefix), first name, last name, group, job title. */
    private static final List<List<String>> STAFF = List.of(
            List.of("head", "Helen", "Hart", Roles.HEADTEACHER, "Headteacher"),
            List.of("dsl", "Dev", "Singh", Roles.DSL, "Designated safeguarding lead"),
            List.of("office", "Olu", "Okafor", Roles.OFFICE, "School business manager"),
            List.of("visitor1", "Vera", "Vance", Roles.VISITING_STAFF, "Attendance officer"),
            List.of("visitor2", "Victor", "Vale", Roles.VISITING_STAFF, "Pastoral support assistant"),
            List.of("leader", "Lena", "Lowe", Roles.SENIOR_LEADERS, "Deputy headteacher"));

    /** first name, last name, year, street, vulnerable, known to social care (with a social worker). */
    private static final List<List<String>> PUPILS = List.of(
            List.of("Amira", "Example", "Year 4", "12 Test Street", "no", "no"),
            List.of("Ben", "Sample", "Year 5", "3 Placeholder Road", "yes", "no"),
            List.of("Chloe", "Fictional", "Year 3", "27 Synthetic Close", "yes", "yes"),
            List.of("Daniel", "Madeup", "Year 6", "8 Imaginary Lane", "no", "no"),
            List.of("Ella", "Notreal", "Year 4", "Flat 2, 40 Demo Court", "no", "yes"),
            List.of("Finn", "Pretend", "Year 5", "19 Invented Avenue", "no", "no"));

    private final IdentityService identityService;
    private final SchoolDirectory directory;
    private final SchoolOnboarding onboarding;
    private final SchoolCalendar calendar;
    private final CalendarImport calendarImport;
    private final String password;
    private final Environment environment;
    private final List<String> signIns = new ArrayList<>();

    DemoData(IdentityService identityService, SchoolDirectory directory, SchoolOnboarding onboarding, SchoolCalendar calendar,
            CalendarImport calendarImport, @Value("${doorstep.demo.password}") String password, Environment environment) {
        this.identityService = identityService;
        this.directory = directory;
        this.onboarding = onboarding;
        this.calendar = calendar;
        this.calendarImport = calendarImport;
        this.password = password;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        user("admin", "Ada", "Admin", Roles.CAMUNDA_ADMIN, "Doorstep administrator (all schools)");
        for (int s = 0; s < SCHOOLS.size(); s++) {
            seed(SCHOOLS.get(s), s);
        }
        // A local-authority attendance officer who covers two schools.
        user("la-officer", "Lou", "Authority", Roles.SENIOR_LEADERS, "Local authority attendance officer (Burgh, Lynnfield)");
        onboarding.addMember("burgh-lincolnshire", "la-officer", null, Actor.DOORSTEP);
        onboarding.addMember("lynnfield-primary", "la-officer", null, Actor.DOORSTEP);
    }

    private void seed(DemoSchool school, int number) {
        onboarding.onboard(new SchoolOnboarding.Onboarding(school.id(), school.name(), "90000" + number, "999",
                "999/200" + number, "1 School Lane, " + school.town() + ", ZZ" + number + " 1AA", "01632 96" + number + "000",
                "office@" + school.id() + ".example", school.referencePrefix()), Actor.DOORSTEP);
        if (calendar.terms(school.id()).isEmpty()) {
            calendarImport.importEntries(school.id(), CALENDAR, "demo calendar", Actor.DOORSTEP);
        }
        for (int i = 0; i < STAFF.size(); i++) {
            List<String> row = STAFF.get(i);
            String id = school.userPrefix() + row.get(0);
            user(id, row.get(1), row.get(2), row.get(3), row.get(4) + ", " + school.name());
            directory.addMember(id, school.id());
            boolean visits = Roles.VISITING_STAFF.equals(row.get(3));
            directory.addStaff(new Staff(id, school.id(), row.get(1) + " " + row.get(2), row.get(4),
                    "07700 9%d0%03d".formatted(number, i), id + "@" + school.id() + ".example", LocalDate.of(2025, 9, 1),
                    visits ? "Ford" : null, visits ? "Fiesta" : null, visits ? "ZZ2%d D%dP".formatted(number, i) : null,
                    visits ? "Blue" : null, visits ? LocalDate.of(2027, 3, 31) : null));
        }
        for (int i = 0; i < PUPILS.size(); i++) {
            List<String> row = PUPILS.get(i);
            String id = "%s-%04d".formatted(school.pupilPrefix(), i + 1);
            boolean socialCare = row.get(5).equals("yes");
            Pupil pupil = new Pupil(id, school.id(), row.get(0), row.get(1), LocalDate.of(2016, 1 + i, 14), row.get(2),
                    row.get(3), null, school.town(), "ZZ%d %dAB".formatted(number, i + 1), row.get(4).equals("yes"),
                    socialCare, socialCare ? "Sam Carer" : null, socialCare ? "07700 900800" : null);
            directory.addPupil(pupil, List.of(
                    new Contact(id, "Parent of " + row.get(0), "Mother", "07700 91%d%03d".formatted(number, i), null, true, 1),
                    new Contact(id, "Second carer of " + row.get(0), "Father", "07700 92%d%03d".formatted(number, i), null, true, 2)));
        }
    }

    private void user(String id, String first, String last, String group, String description) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@doorstep.example");
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
        signIns.add(String.format("   %-14s %s (%s)", id, description, group));
    }

    @EventListener(ApplicationReadyEvent.class)
    void printSignIns() {
        log.info("""

                ==================================================================
                 Doorstep demo is running: http://localhost:{}/
                 Synthetic data only. Sign in as (password '{}'):
                {}
                ==================================================================""",
                environment.getProperty("local.server.port", "8080"), password, String.join("\n", signIns));
    }

    private record DemoSchool(String id, String name, String userPrefix, String pupilPrefix, String town, String referencePrefix) {
    }
}
