package org.doorstep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.doorstep.security.WebClient;
import org.doorstep.trigger.TriggerAction;
import org.doorstep.visit.HomeVisitProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 11's proof and README "Set up your school", step by step: Doorstep started on an empty
 * database without the demo profile, knowing only its administrator, is given a sixth school (a
 * profile none of the five shipped, from doorstep.policies.directory) and that school's exports, the
 * sample files in docs/samples, through the public HTTP API only. Two weeks of register later the
 * daily evaluation requests the Day-3 safe-and-well visit under the school's own reference prefix,
 * and the headteacher, who chose her password through her one-time link, sees it in Tasklist.
 *
 * <p>On H2, and on PostgreSQL when the suite runs with -Ppostgres: then in a database of its own,
 * created empty beside the suite's and dropped afterwards.
 */
@Tag("own-context")
class FirstSchoolFromEmptyInstallTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENGINE = "firstschool";
    private static final String ADMIN = "la-admin";
    private static final String ADMIN_PASSWORD = "kestrels over the ring road";
    private static final String SCHOOL = "brook-lane-primary";
    private static final Path SAMPLES = Path.of("docs/samples");
    /** Friday of the register's second week, after school: Noah has been away since Wednesday. */
    private static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-11-27T16:00:00Z");
    private static final String NOAH = "A999900026103";

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fromAnEmptyInstallASchoolsOwnExportsRaiseItsFirstDay3VisitUnderItsPrefixForTheHeadteacher() throws Exception {
        try (EmptyDatabase database = EmptyDatabase.forThisRun(); ConfigurableApplicationContext doorstep = start(database)) {
            int port = Objects.requireNonNull(doorstep.getEnvironment().getProperty("local.server.port", Integer.class));
            WebClient admin = WebClient.basic(port, ADMIN, ADMIN_PASSWORD);
            ClockUtil.setCurrentTime(Date.from(FRIDAY_AFTERNOON));

            assertThat(json(admin.get("/api/admin/schools"), 200).get("schools")).as("no demo school").isEmpty();
            assertThat(json(admin.get("/engine-rest/engine/" + ENGINE + "/user/count"), 200).get("count").asInt())
                    .as("only the administrator").isEqualTo(1);

            // Step 2: onboard the school from its profile, with its own reference prefix.
            JsonNode school = json(admin.postJson("/api/admin/schools", """
                    {"profile": "brook-lane-primary", "urn": "123456", "laNumber": "925", "dfeNumber": "925/2001",
                     "address": "41 Brook Lane, Sampleton, ZZ1 4DA", "phone": "01632 960000",
                     "email": "office@brook-lane.example", "referencePrefix": "BLP"}"""), 201);
            assertThat(school.get("name").asText()).as("from the profile").isEqualTo("Brook Lane Primary School");

            // Step 3: its calendar from iCalendar; until then the evaluation would raise nothing for it.
            JsonNode calendar = json(admin.post("/api/schools/" + SCHOOL + "/calendar", "text/calendar",
                    sample("school-calendar.ics")), 200);
            assertThat(calendar.get("rejected").asInt()).as(calendar.toString()).isZero();
            assertThat(calendar.get("added").asInt()).isEqualTo(11);
            assertThat(json(admin.get("/api/schools/" + SCHOOL + "/calendar"), 200).get("schoolDayToday").asBoolean()).isTrue();

            // Step 4: pupils and families from the MIS's Common Transfer File.
            JsonNode pupils = json(admin.post("/api/schools/" + SCHOOL + "/pupils", "application/xml",
                    sample("families.ctf.xml")), 200);
            assertThat(pupils.get("format").asText()).isEqualTo("CTF");
            assertThat(pupils.get("added").asInt()).isEqualTo(3);
            assertThat(pupils.get("rejectedCount").asInt()).isZero();

            // Step 5: staff from the school's export; each new user gets a one-time link, nobody a password.
            JsonNode staff = json(admin.post("/api/schools/" + SCHOOL + "/staff", "text/csv", sample("staff.csv")), 200);
            assertThat(staff.get("problems")).as(staff.toString()).isEmpty();
            assertThat(staff.get("links").findValuesAsText("username")).contains("hhart", "vvance").doesNotContain("pformer");
            String headteachersLink = staff.get("links").findParents("username").stream()
                    .filter(link -> link.get("username").asText().equals("hhart")).findFirst().orElseThrow().get("link").asText();

            // Step 6: two weeks of register.
            JsonNode register = json(admin.post("/api/attendance", "text/csv", sample("register-two-weeks.csv")), 200);
            assertThat(register.get("rejectedCount").asInt()).as(register.toString()).isZero();
            assertThat(register.get("added").asInt()).as("3 pupils, 10 days, 2 sessions").isEqualTo(60);

            // Step 7: the day's evaluation (10:30 every school day; here by hand, for the sample's Friday as the
            // README sends it) requests the Day-3 visit.
            JsonNode evaluation = json(admin.post("/api/attendance/evaluation?school=" + SCHOOL + "&date=2026-11-27",
                    "application/json", ""), 200);
            assertThat(evaluation.get("day").asText()).isEqualTo("2026-11-27");
            assertThat(evaluation.get("withoutCalendar")).isEmpty();
            assertThat(evaluation.get("errors").asInt()).isZero();
            assertThat(evaluation.get("pupilsAbsent").asInt()).as("only Noah is away").isEqualTo(1);
            assertThat(evaluation.get("casesOpened").asInt()).isEqualTo(1);

            JsonNode cases = json(admin.get("/api/absence-cases?pupil=" + NOAH), 200);
            assertThat(cases).hasSize(1);
            JsonNode actions = json(admin.get("/api/absence-cases/" + cases.get(0).get("reference").asText() + "/actions"), 200);
            JsonNode visitAction = actions.findParents("action").stream()
                    .filter(action -> action.get("action").asText().equals(TriggerAction.SAFE_AND_WELL_VISIT.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no safe-and-well visit among " + actions));
            String visit = visitAction.get("visitReference").asText();
            assertThat(visit).as("the school's own prefix, its first visit").isEqualTo("HV-BLP-00001");
            assertThat(visitAction.get("dueOn").asText()).isEqualTo("2026-11-27");
            assertThat(json(admin.get("/api/visits/" + visit), 200).get("reference").asText()).isEqualTo(visit);

            // The headteacher opens her link, chooses her password, signs in and finds the visit to authorise.
            WebClient browser = WebClient.anonymous(port);
            String token = headteachersLink.replaceAll(".*#token=", "");
            json(browser.postJson("/api/password-links/password",
                    JSON.createObjectNode().put("token", token).put("password", "bluebells by the brook").toString()), 200);
            WebClient headteacher = WebClient.signedIn(port, "hhart", "bluebells by the brook");
            JsonNode tasks = json(headteacher.get("/camunda/api/engine/engine/" + ENGINE + "/task?processInstanceBusinessKey=" + visit), 200);
            assertThat(tasks.findValuesAsText("taskDefinitionKey")).containsExactly(HomeVisitProcess.Elements.AUTHORISE);
            assertThat(tasks.get(0).get("name").asText()).startsWith("Authorise the visit: ").endsWith(" (" + visit + ")");
            assertThat(tasks.get(0).get("tenantId").asText()).isEqualTo(SCHOOL);
        }
    }

    private static ConfigurableApplicationContext start(EmptyDatabase database) {
        return new SpringApplicationBuilder(DoorstepApplication.class).web(WebApplicationType.SERVLET).run(
                // Neither demo nor test: a production start, on PostgreSQL when the suite runs there.
                "--spring.profiles.active=" + (database.postgres() ? "postgres" : ""),
                "--server.port=0",
                "--camunda.bpm.process-engine-name=" + ENGINE,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                // The test moves the engine clock; nothing may run or send on the wall clock behind it.
                "--camunda.bpm.job-execution.enabled=false",
                "--doorstep.outbox.poller.enabled=false",
                "--doorstep.policies.directory=src/test/resources/first-school-policies",
                "--doorstep.security.initial-admin.username=" + ADMIN,
                "--doorstep.security.initial-admin.password=" + ADMIN_PASSWORD);
    }

    private static String sample(String file) throws IOException {
        return Files.readString(SAMPLES.resolve(file), StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /**
     * The empty database a new install starts from. With the postgres profile (./mvnw verify -Ppostgres)
     * a database of its own on the suite's server, so the suite's demo data is not in it; else in-memory H2.
     */
    private record EmptyDatabase(String url, String user, String password, boolean postgres, String serverUrl, String name)
            implements AutoCloseable {

        static EmptyDatabase forThisRun() throws SQLException {
            String profiles = System.getProperty("spring.profiles.active", "");
            if (!Arrays.asList(profiles.split(",")).contains("postgres")) {
                return new EmptyDatabase("jdbc:h2:mem:first-school;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "", false, null, null);
            }
            // The same defaults as src/test/resources/application-postgres.yml.
            String suite = env("DOORSTEP_DB_URL", "jdbc:postgresql://127.0.0.1:5432/doorstep_ci");
            String user = env("DOORSTEP_DB_USER", "postgres");
            String password = env("DOORSTEP_DB_PASSWORD", "");
            int slash = suite.lastIndexOf('/');
            String name = suite.substring(slash + 1).replaceAll("[?;].*", "") + "_first_school";
            String server = suite.substring(0, slash + 1);
            // Created and dropped from the server's maintenance database: the suite's may not exist yet.
            EmptyDatabase database = new EmptyDatabase(server + name, user, password, true, server + "postgres", name);
            database.run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", "CREATE DATABASE " + name);
            return database;
        }

        @Override
        public void close() throws SQLException {
            if (postgres) {
                run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }

        private void run(String... statements) throws SQLException {
            try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                    Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        }

        private static String env(String name, String otherwise) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? otherwise : value;
        }
    }
}
