package org.doorstep.demo;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.school.Contact;
import org.doorstep.school.Pupil;
import org.doorstep.school.School;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.Staff;
import org.doorstep.security.Roles;
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
 * A synthetic school with pupils, contacts, staff and one user per role, so that a fresh clone
 * shows a working Doorstep. Every name, address and number here is made up.
 */
@Component
@Profile("demo")
class DemoData implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String SCHOOL_ID = "thames-view-junior";

    /** user id, first name, last name, group, job title. */
    private static final List<List<String>> USERS = List.of(
            List.of("admin", "Ada", "Admin", Roles.CAMUNDA_ADMIN, "Doorstep administrator"),
            List.of("head", "Helen", "Hart", Roles.HEADTEACHER, "Headteacher"),
            List.of("dsl", "Dev", "Singh", Roles.DSL, "Designated safeguarding lead"),
            List.of("office", "Olu", "Okafor", Roles.OFFICE, "School business manager"),
            List.of("visitor1", "Vera", "Vance", Roles.VISITING_STAFF, "Attendance officer"),
            List.of("visitor2", "Victor", "Vale", Roles.VISITING_STAFF, "Pastoral support assistant"),
            List.of("leader", "Lena", "Lowe", Roles.SENIOR_LEADERS, "Deputy headteacher"));

    private final IdentityService identityService;
    private final SchoolDirectory directory;
    private final String password;
    private final Environment environment;

    DemoData(IdentityService identityService, SchoolDirectory directory,
            @Value("${doorstep.demo.password}") String password, Environment environment) {
        this.identityService = identityService;
        this.directory = directory;
        this.password = password;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seedUsers();
        seedSchool();
    }

    private void seedUsers() {
        for (List<String> row : USERS) {
            String id = row.get(0);
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                user.setFirstName(row.get(1));
                user.setLastName(row.get(2));
                user.setEmail(id + "@thames-view.example");
                user.setPassword(password);
                identityService.saveUser(user);
                identityService.createMembership(id, row.get(3));
            }
        }
    }

    private void seedSchool() {
        directory.addSchool(new School(SCHOOL_ID, "Thames View Junior School", "020 7946 0000",
                "office@thames-view.example", "1 Riverside Walk, Exampleton, ZZ1 1AA"));
        for (List<String> row : USERS) {
            String id = row.get(0);
            boolean visits = Roles.VISITING_STAFF.equals(row.get(3));
            directory.addStaff(new Staff(id, SCHOOL_ID, row.get(1) + " " + row.get(2), row.get(4),
                    "07700 900" + String.format("%03d", USERS.indexOf(row)), id + "@thames-view.example",
                    LocalDate.of(2025, 9, 1),
                    visits ? "Ford" : null, visits ? "Fiesta" : null, visits ? "ZZ24 DSP" : null,
                    visits ? "Blue" : null, visits ? LocalDate.of(2027, 3, 31) : null));
        }
        pupil("TVJ-0001", "Amira", "Example", "Year 4", "12 Test Street", false, false, null);
        pupil("TVJ-0002", "Ben", "Sample", "Year 5", "3 Placeholder Road", true, false, null);
        pupil("TVJ-0003", "Chloe", "Fictional", "Year 3", "27 Synthetic Close", true, true, "Sam Carer");
        pupil("TVJ-0004", "Daniel", "Madeup", "Year 6", "8 Imaginary Lane", false, false, null);
        pupil("TVJ-0005", "Ella", "Notreal", "Year 4", "Flat 2, 40 Demo Court", false, true, "Priya Worker");
        pupil("TVJ-0006", "Finn", "Pretend", "Year 5", "19 Invented Avenue", false, false, null);
    }

    private void pupil(String id, String first, String last, String year, String street, boolean vulnerable,
            boolean socialCare, String socialWorker) {
        Pupil pupil = new Pupil(id, SCHOOL_ID, first, last, LocalDate.of(2016, 5, 14),
                year, street, null, "Exampleton", "ZZ1 " + id.substring(id.length() - 1) + "AB", vulnerable, socialCare,
                socialWorker, socialWorker == null ? null : "07700 900800");
        directory.addPupil(pupil, List.of(
                new Contact(id, "Parent of " + first, "Mother", "07700 900" + id.substring(id.length() - 3), null, true, 1),
                new Contact(id, "Second carer of " + first, "Father", "07700 901" + id.substring(id.length() - 3), null, true, 2)));
    }

    @EventListener(ApplicationReadyEvent.class)
    void printSignIns() {
        StringBuilder table = new StringBuilder("""

                ==================================================================
                 Doorstep demo is running: http://localhost:%s/
                 Synthetic data only. Sign in as (password '%s'):
                """.formatted(environment.getProperty("local.server.port", "8080"), password));
        for (List<String> row : USERS) {
            table.append(String.format("   %-10s %s%n", row.get(0), row.get(4) + " (" + row.get(3) + ")"));
        }
        table.append("==================================================================");
        log.info(table.toString());
    }
}
