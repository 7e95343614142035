package org.doorstep.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.IdentityService;
import org.doorstep.DoorstepTest;
import org.doorstep.notification.LoggingSmsGateway;
import org.doorstep.notification.Outbox;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.Staff;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The check-in endpoint, the office board and the alert emails, over HTTP as the pages use them. */
@DoorstepTest
class CheckInApiTest {

    /** On a free port, so parallel builds on one machine never collide; the shared mail sender is pointed at it. */
    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CheckIns checkIns;
    @Autowired
    LoggingSmsGateway sms;
    @Autowired
    SchoolDirectory directory;
    @Autowired
    IdentityService identityService;
    @Autowired
    Outbox outbox;

    final ObjectMapper json = new ObjectMapper();
    SafetyScenario scenario;

    @Autowired
    JavaMailSenderImpl mailSender;
    int configuredMailPort;
    String configuredMailHost;

    @BeforeEach
    void start() {
        scenario = new SafetyScenario(engine, events, jdbc, checkIns);
        configuredMailHost = mailSender.getHost();
        configuredMailPort = mailSender.getPort();
        mailSender.setHost("localhost");
        mailSender.setPort(mail.getSmtp().getPort());
    }

    @AfterEach
    void finish() {
        scenario.close();
        mailSender.setHost(configuredMailHost);
        mailSender.setPort(configuredMailPort);
    }

    @Test
    void assignedStaffCheckInAndGetTheWatchBack() throws Exception {
        String visit = scenario.depart(Duration.ofHours(1), "visitor1");
        HttpResponse<String> arrived = as("visitor1").postJson(checkInPath(visit), "{\"type\":\"ARRIVED\"}");
        assertThat(arrived.statusCode()).isEqualTo(200);
        JsonNode receipt = json.readTree(arrived.body());
        assertThat(receipt.get("phase").asText()).isEqualTo("AT_ADDRESS");
        assertThat(receipt.get("madeBy").asText()).isEqualTo("visitor1");
        assertThat(receipt.get("nextCheckInDueAt").asText()).isEqualTo("2026-03-02T09:20:00Z");

        assertThat(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"ok\"}").statusCode()).isEqualTo(200);
        JsonNode watch = json.readTree(as("visitor1").get("/api/visits/" + visit + "/safety").body());
        assertThat(watch.get("checkIns")).hasSize(2);
        assertThat(watch.get("csrfHeader").asText()).isEqualTo("X-DOORSTEP-XSRF");
    }

    @Test
    void refusalsAreClearJsonErrorsAndChangeNothing() throws Exception {
        String visit = scenario.depart(Duration.ofHours(1), "visitor1");
        assertRefused(as("visitor2").postJson(checkInPath(visit), "{\"type\":\"OK\"}"), 403, "NOT_ASSIGNED");
        assertRefused(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"DANCING\"}"), 400, "BAD_REQUEST");
        assertRefused(as("visitor1").postJson(checkInPath(visit), "not json"), 400, "BAD_REQUEST");
        assertRefused(as("visitor1").postJson(checkInPath("HV-NOPE-00001"), "{\"type\":\"OK\"}"), 404, "UNKNOWN_VISIT");
        assertThat(checkIns.checkIns(visit)).isEmpty();

        // Issue 10 item 6: "Back at school" before arriving is refused; staff who turn back say so first.
        assertRefused(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"BACK\"}"), 409, "NOT_EXPECTED_NOW");
        assertThat(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"TURNED_BACK\"}").statusCode()).isEqualTo(200);
        assertThat(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"BACK\"}").statusCode()).isEqualTo(200);
        assertRefused(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"OK\"}"), 409, "WATCH_ENDED");
        assertThat(checkIns.checkIns(visit)).hasSize(2);
        // Strangers are stopped before anything is read (no session: CSRF 403, or 401).
        assertThat(WebClient.anonymous(port).postJson(checkInPath(visit), "{\"type\":\"OK\"}").statusCode()).isIn(401, 403);
    }

    /**
     * Issue 10 item 3: the page offers only what makes sense where the staff are, as the server names it,
     * and asks before the one that ends the watch; each one offered is taken.
     */
    @Test
    void theCheckInPageIsOfferedOnlyThePhasesCheckInsAndConfirmsBackAtSchool() throws Exception {
        String visit = scenario.depart(Duration.ofHours(1), "visitor1");
        JsonNode onTheWay = view("visitor1", visit);
        assertThat(onTheWay.get("phaseDescription").asText()).isEqualTo("On the way to the address");
        assertThat(offered(onTheWay)).containsExactly("ARRIVED:Arrived", "TURNED_BACK:Turned back", "EMERGENCY:EMERGENCY");
        assertThat(confirmation(onTheWay, "TURNED_BACK")).contains("Turn back without visiting?").contains("re-plans or cancels");
        assertThat(confirmation(onTheWay, "ARRIVED")).isNull();

        assertThat(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"ARRIVED\"}").statusCode()).isEqualTo(200);
        JsonNode atTheAddress = view("visitor1", visit);
        assertThat(offered(atTheAddress)).containsExactly("OK:I'm OK", "LEAVING:Leaving",
                "WITHDREW_UNSAFE:Leaving: I feel unsafe", "EMERGENCY:EMERGENCY");
        assertThat(confirmation(atTheAddress, "WITHDREW_UNSAFE")).contains("headteacher is told", "incident is recorded",
                "still expects you back");
        assertThat(atTheAddress.get("lastCheckInLabel").asText()).isEqualTo("Arrived");

        assertThat(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"OK\"}").statusCode()).isEqualTo(200);
        assertThat(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"LEAVING\"}").statusCode()).isEqualTo(200);
        JsonNode returning = view("visitor1", visit);
        assertThat(returning.get("phaseDescription").asText()).isEqualTo("On the way back to school");
        assertThat(offered(returning)).containsExactly("BACK:Back at school", "EMERGENCY:EMERGENCY");
        assertThat(confirmation(returning, "BACK")).contains("back at school").contains("ends the safety watch");

        assertThat(as("visitor1").postJson(checkInPath(visit), "{\"type\":\"BACK\"}").statusCode()).isEqualTo(200);
        JsonNode ended = view("visitor1", visit);
        assertThat(ended.get("ended").asBoolean()).isTrue();
        assertThat(offered(ended)).isEmpty();
        assertThat(ended.get("lastCheckInLabel").asText()).as("the card no longer says 'leaving'").isEqualTo("Back at school");
        assertThat(ended.get("alertMessage").asText()).isEqualTo("Watch ended");
    }

    /**
     * Burgh 8: "Remain on the ground floor and do not enter bedrooms ... leave immediately if they feel
     * uncomfortable or at risk, and call 999 if there is immediate danger". The phone page gets the school's
     * rules, each with its clause, from the profile while the staff are on the way and at the address; on the
     * way back they are gone. Leaving because they feel unsafe keeps the watch going until they are back.
     */
    @Test
    void burgh8_groundFloorNoBedroomsLeaveIfAtRiskAnd999AreOnThePhoneAtTheAddress() throws Exception {
        try (SafetyScenario burgh = new SafetyScenario(engine, events, jdbc, checkIns, "burgh-lincolnshire", "BUR-0003")) {
            String visit = burgh.depart(Duration.ofHours(1), "bur-visitor1");
            assertThat(guidance(view("bur-visitor1", visit))).contains(
                    "Stay on the ground floor; never go into a bedroom. Ask for animals to be shut in another room. (Burgh 8)",
                    "Call 999 if there is immediate danger. (Burgh 8)");
            assertThat(as("bur-visitor1").postJson(checkInPath(visit), "{\"type\":\"ARRIVED\"}").statusCode()).isEqualTo(200);
            List<String> atTheAddress = guidance(view("bur-visitor1", visit));
            assertThat(atTheAddress).anySatisfy(rule -> assertThat(rule).contains("leave at once if you feel uncomfortable or at risk")
                    .endsWith("(Burgh 4, 8)"));
            assertThat(atTheAddress).contains("Record every incident or near miss, however small, for review. (Burgh 11)");

            assertThat(as("bur-visitor1").postJson(checkInPath(visit), "{\"type\":\"WITHDREW_UNSAFE\"}").statusCode()).isEqualTo(200);
            JsonNode returning = view("bur-visitor1", visit);
            assertThat(returning.get("phase").asText()).isEqualTo("RETURNING");
            assertThat(returning.get("ended").asBoolean()).as("the watch waits for them back").isFalse();
            assertThat(guidance(returning)).isEmpty();
            assertThat(as("bur-visitor1").postJson(checkInPath(visit), "{\"type\":\"BACK\"}").statusCode()).isEqualTo(200);
        }
    }

    /**
     * William Lilley "During": "Do not go upstairs in a property unless accompanied by a responsible adult ...
     * Do not enter a child's/young person's bedroom ... If you feel that a child/young person is in immediate
     * danger contact emergency services 999". The same page shows this school's own rules, not Burgh's.
     */
    @Test
    void williamLilleyDuring_upstairsOnlyAccompaniedNeverABedroomAnd999AreOnThePhone() throws Exception {
        try (SafetyScenario williamLilley = new SafetyScenario(engine, events, jdbc, checkIns, "william-lilley-infant-nursery", "WLI-0003")) {
            String visit = williamLilley.depart(Duration.ofHours(1), "wli-visitor1");
            assertThat(as("wli-visitor1").postJson(checkInPath(visit), "{\"type\":\"ARRIVED\"}").statusCode()).isEqualTo(200);
            assertThat(guidance(view("wli-visitor1", visit))).contains(
                    "Do not go upstairs unless a responsible adult is with you, and only if it is completely safe and necessary. (William Lilley, During)",
                    "Never go into a child's bedroom. (William Lilley, During)",
                    "A child in immediate danger: call 999. (William Lilley, During)")
                    .noneSatisfy(rule -> assertThat(rule).contains("Burgh"));
        }
    }

    private static List<String> guidance(JsonNode view) {
        List<String> rules = new java.util.ArrayList<>();
        view.get("doorGuidance").forEach(rule -> rules.add(rule.get("rule").asText() + " (" + rule.get("source").asText() + ")"));
        return rules;
    }

    /** Issue 10 item 3: the page's data says plainly why it cannot be used, so the page never stays blank. */
    @Test
    void theCheckInPagesDataSaysWhyItCannotBeUsed() throws Exception {
        String outWithoutVisitor2 = scenario.depart(Duration.ofHours(1), "visitor1");
        assertRefused(as("visitor2").get(safetyPath(outWithoutVisitor2)), 403, "NOT_ASSIGNED");
        assertRefused(as("visitor1").get(safetyPath("HV-NOPE-00001")), 404, "UNKNOWN_VISIT");

        String notSignedOut = "HV-SAF-NOTOUT-" + System.nanoTime() % 100000;
        jdbc.sql("INSERT INTO visit (reference, school_id, pupil_id, reason, status, requested_by, requested_at) VALUES (?, ?, ?, 'attendance', 'PLANNED', 'office', ?)")
                .params(notSignedOut, SafetyScenario.SCHOOL, SafetyScenario.PUPIL, java.sql.Timestamp.from(SafetyScenario.START)).update();
        try {
            HttpResponse<String> refused = as("visitor1").get(safetyPath(notSignedOut));
            assertRefused(refused, 409, "NOT_SIGNED_OUT");
            assertThat(json.readTree(refused.body()).get("detail").asText()).contains("have not signed out");
        } finally {
            jdbc.sql("DELETE FROM visit WHERE reference = ?").param(notSignedOut).update();
        }
    }

    @Test
    void theOfficeChecksInOnBehalfOfTheStaff() throws Exception {
        String visit = scenario.depart(Duration.ofHours(1), "visitor1");
        HttpResponse<String> response = as("office").postJson(checkInPath(visit), "{\"type\":\"ARRIVED\",\"onBehalfOf\":\"visitor1\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("onBehalfOf").asText()).isEqualTo("visitor1");
        assertRefused(as("office").postJson(checkInPath(visit), "{\"type\":\"OK\",\"onBehalfOf\":\"visitor2\"}"), 400, "BAD_REQUEST");
        // Senior leaders watch; they do not check in for the staff.
        assertRefused(as("leader").postJson(checkInPath(visit), "{\"type\":\"OK\"}"), 403, "NOT_ASSIGNED");
    }

    @Test
    void theBoardShowsEveryoneOutAndTurnsRedWhenOverdue() throws Exception {
        String visit = scenario.depart(Duration.ofHours(2), "visitor1", "visitor2");
        scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
        JsonNode row = boardRow("office", visit);
        assertThat(row.get("red").asBoolean()).isFalse();
        assertThat(row.get("staff").asText()).contains("visitor1 (mobile " + SafetyScenario.PLAN_MOBILE + ")",
                "visitor2 (mobile " + SafetyScenario.PLAN_MOBILE + ")");
        assertThat(row.get("address").asText()).contains("12 Test Street");
        assertThat(row.get("lastCheckInType").asText()).isEqualTo("ARRIVED");
        assertThat(row.get("nextCheckInDueAt").asText()).isEqualTo("2026-03-02T09:20:00Z");
        assertThat(row.get("pupil").asText()).isNotBlank().isNotEqualTo(row.get("visitReference").asText());
        assertThat(row.get("phaseLabel").asText()).as("words from the server, not the page's own table").isEqualTo("At the address");
        assertThat(row.get("lastCheckInLabel").asText()).isEqualTo("Arrived");
        assertThat(row.hasNonNull("alertLabel")).isFalse();

        scenario.after(Duration.ofMinutes(20));
        row = boardRow("leader", visit);
        assertThat(row.get("red").asBoolean()).isTrue();
        assertThat(row.get("alert").asText()).isEqualTo("MISSED_CHECK_IN");
        assertThat(row.get("overdueStep").asText()).isEqualTo("Call the visiting staff");
        assertThat(row.get("alertLabel").asText()).isEqualTo("Check-in missed");
        assertThat(view("visitor1", visit).get("alertMessage").asText()).isEqualTo("OVERDUE: the office is trying to reach you");
        assertThat(boardRow("head", visit)).as("the board's door is the headteacher's too").isNotNull();
        assertThat(boardRow("dsl", visit)).isNotNull();

        assertThat(as("visitor1").get("/api/safety/board").statusCode()).isEqualTo(403);
        assertThat(as("admin").get("/api/safety/board").statusCode()).as("no door to the board").isEqualTo(403);
        scenario.checkIn(visit, CheckInType.BACK, "visitor2");
        assertThat(boardRow("office", visit)).isNull();
    }

    @Test
    void alertsReachTheOfficeAndSeniorLeadersByEmailAndText() throws Exception {
        String visit = scenario.depart(Duration.ofHours(2), "visitor1");
        scenario.checkIn(visit, CheckInType.ARRIVED, "visitor1");
        scenario.after(Duration.ofMinutes(20));
        outbox.deliverDue();
        List<MimeMessage> missed = emailsAbout(visit);
        assertThat(missed).extracting(MimeMessage::getSubject).containsExactly("Doorstep safety: Call the visiting staff (" + visit + ")");
        assertThat(recipients(missed.get(0))).containsExactly(email("office"));
        assertThat(GreenMailUtil.getBody(missed.get(0))).contains("visitor1 (mobile " + SafetyScenario.PLAN_MOBILE + ")", "12 Test Street");

        scenario.after(Duration.ofMinutes(10));
        scenario.after(Duration.ofMinutes(10));
        outbox.deliverDue();
        // One message per recipient.
        assertThat(emailsAbout(visit).stream().filter(message -> subject(message).contains("senior leaders to act")))
                .flatExtracting(CheckInApiTest::recipients).containsExactlyInAnyOrder(email("leader"), email("office"));

        int texts = sms.sent().size();
        scenario.checkIn(visit, CheckInType.EMERGENCY, "visitor1");
        outbox.deliverDue();
        assertThat(emailsAbout(visit).stream().filter(message -> subject(message).equals("Doorstep EMERGENCY: " + visit)))
                .flatExtracting(CheckInApiTest::recipients).containsExactlyInAnyOrder(email("leader"), email("office"));
        assertThat(sms.sent().subList(texts, sms.sent().size())).filteredOn(text -> text.text().contains(visit))
                .extracting(LoggingSmsGateway.Text::mobileNumber).contains(staff("leader").mobile(), staff("office").mobile());
    }

    /** This visit's messages only: the outbox may also deliver what earlier tests queued. */
    private List<MimeMessage> emailsAbout(String visit) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> subject(message).contains(visit)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Staff staff(String user) {
        return directory.staff(user).orElseThrow();
    }

    private String email(String user) {
        return identityService.createUserQuery().userId(user).singleResult().getEmail();
    }

    private JsonNode boardRow(String user, String visit) throws Exception {
        HttpResponse<String> board = as(user).get("/api/safety/board");
        assertThat(board.statusCode()).isEqualTo(200);
        for (JsonNode row : json.readTree(board.body()).get("out")) {
            if (row.get("visitReference").asText().equals(visit)) {
                return row;
            }
        }
        return null;
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRefused(HttpResponse<String> response, int status, String error) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("code").asText()).isEqualTo(error);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank();
    }

    private WebClient as(String user) {
        return WebClient.basic(port, user, password);
    }

    private JsonNode view(String user, String visit) throws Exception {
        HttpResponse<String> response = as(user).get(safetyPath(visit));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> offered(JsonNode view) {
        List<String> offers = new java.util.ArrayList<>();
        view.get("allowedCheckIns").forEach(offer -> offers.add(offer.get("type").asText() + ":" + offer.get("label").asText()));
        return offers;
    }

    private static String confirmation(JsonNode view, String type) {
        for (JsonNode offer : view.get("allowedCheckIns")) {
            if (offer.get("type").asText().equals(type)) {
                return offer.hasNonNull("confirmation") ? offer.get("confirmation").asText() : null;
            }
        }
        throw new AssertionError(type + " is not offered");
    }

    private static String safetyPath(String visit) {
        return "/api/visits/" + visit + "/safety";
    }

    private static String checkInPath(String visit) {
        return "/api/visits/" + visit + "/check-ins";
    }
}
