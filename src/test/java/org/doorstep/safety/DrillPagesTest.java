package org.doorstep.safety;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.doorstep.DoorstepTest;
import org.doorstep.security.Roles;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The drills' door: leaders and the headteacher start a drill by page or API and read its report; others are refused. */
@DoorstepTest
class DrillPagesTest {

    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;
    @Autowired
    Drills drills;

    @Test
    void aLeaderStartsADrillOnNoRealVisitByApiAndReadsItsReportMarkedDrill() throws Exception {
        String page = as("leader").get("/drills").body();
        assertThat(page).contains("<h1>Drills of the overdue chain</h1>").contains(">Drill: no real visit</option>")
                .contains("<label for=\"visit\">");

        HttpResponse<String> started = api("leader").postJson("/api/drills", "{\"schoolId\": \"thames-view-junior\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        JsonNode body = new ObjectMapper().readTree(started.body());
        String reference = body.get("reference").asText();
        try {
            assertThat(body.get("report").asText()).isEqualTo("/drills/" + reference);
            String report = as("leader").get("/drills/" + reference).body();
            assertThat(report).contains("<h1>DRILL " + reference + ": report</h1>").contains("End the drill");
            assertThat(api("head").get("/api/drills/" + reference).statusCode()).isEqualTo(200);
        } finally {
            drills.end(UsernamePasswordAuthenticationToken.authenticated("leader", null,
                    List.of(new SimpleGrantedAuthority(Roles.authority(Roles.SENIOR_LEADERS)))), reference);
        }
    }

    @Test
    void theOfficeAndVisitingStaffCannotStartDrills() {
        assertThat(as("office").get("/drills").statusCode()).isEqualTo(403);
        assertThat(as("visitor1").get("/drills").statusCode()).isEqualTo(403);
        assertThat(api("office").postJson("/api/drills", "{\"schoolId\": \"thames-view-junior\"}").statusCode()).isEqualTo(403);
    }

    /** API calls as scripts make them, with Basic credentials. */
    private WebClient api(String user) {
        return WebClient.basic(port, user, password);
    }

    private WebClient as(String user) {
        return WebClient.signedIn(port, user, password);
    }
}
