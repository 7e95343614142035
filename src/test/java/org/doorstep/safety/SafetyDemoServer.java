package org.doorstep.safety;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.doorstep.DoorstepApplication;
import org.doorstep.visit.VisitDeparted;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Doorstep (demo profile) with one visit already signed out, for the browser test
 * (tools/browser-test.sh): until the home-visit process signs staff out by itself, this stands in
 * for its sign-out (HV-DEMO-00002 is in emergency, HV-DEMO-00003 planned but not signed out). Prints
 * "READY visit-reference" when the page can be opened; runs until killed.
 */
public final class SafetyDemoServer {

    private static final String NOT_SIGNED_OUT = "HV-DEMO-00003";

    public static void main(String[] args) {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DoorstepApplication.class)
                .web(WebApplicationType.SERVLET).run(args);
        String reference = System.getProperty("visit", "HV-DEMO-00001");
        signOut(app, reference, "12 Test Street, Exampleton, ZZ1 1AB", List.of("visitor1", "visitor2"));
        // A second visit in emergency, so the board shows what red looks like.
        if (signOut(app, "HV-DEMO-00002", "3 Placeholder Road, Exampleton, ZZ1 2AB", List.of("visitor2"))) {
            app.getBean(CheckIns.class).checkIn("HV-DEMO-00002", CheckInType.ARRIVED, "visitor2", false, null);
            app.getBean(CheckIns.class).checkIn("HV-DEMO-00002", CheckInType.EMERGENCY, "visitor2", false, null);
        }
        // A third, planned but not signed out, so the page's refusal can be seen.
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        if (jdbc.sql("SELECT COUNT(*) FROM visit WHERE reference = ?").param(NOT_SIGNED_OUT).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at) VALUES (?, ?, ?, 'attendance', 'PLANNED', 'office', ?)")
                    .params(NOT_SIGNED_OUT, SafetyScenario.SCHOOL, SafetyScenario.PUPIL, Timestamp.from(Instant.now())).update();
        }
        System.out.println("READY " + reference);
    }

    private static boolean signOut(ConfigurableApplicationContext app, String reference, String address, List<String> staff) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        if (jdbc.sql("SELECT COUNT(*) FROM visit WHERE reference = ?").param(reference).query(Long.class).single() > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at) VALUES (?, ?, ?, 'attendance', 'OUT', 'office', ?)")
                .params(reference, SafetyScenario.SCHOOL, SafetyScenario.PUPIL, Timestamp.from(Instant.now())).update();
        app.publishEvent(new VisitDeparted(reference, SafetyScenario.SCHOOL, SafetyScenario.PUPIL, staff, SafetyScenario.people(staff), address,
                "Car: blue Ford Fiesta", null, Instant.now().plus(Duration.ofHours(1)), null, "office"));
        return true;
    }

    private SafetyDemoServer() {
    }
}
