package org.doorstep.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.doorstep.DoorstepTest;
import org.doorstep.security.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The day's pages (issue 12 items 6 and 8) are templates in the one layout at clean addresses: each opens for
 * the roles its door in the navigation is for and answers 403 to the others, and the old ".html" addresses
 * (bookmarks, phone home-screen links, set-password links already e-mailed) lead to them.
 */
@DoorstepTest
class DayPagesTest {

    @LocalServerPort
    int port;
    @Value("${doorstep.demo.password}")
    String password;

    @Test
    void eachPageOpensInTheLayoutForTheRolesOfItsDoor() {
        assertPage("visitor1", "/request-visit", "Request a home visit");
        assertPage("office", "/request-visit", "Request a home visit");
        assertPage("visitor1", "/check-in", "Check in");
        assertPage("office", "/safety-board", "Safety board: everyone out on a visit now");
        assertPage("leader", "/safety-board", "Safety board: everyone out on a visit now");
        assertPage("head", "/safety-board", "Safety board: everyone out on a visit now");
        assertPage("visitor1", "/incidents", "Incidents and near misses");
        assertPage("admin", "/schools", "Schools");
    }

    @Test
    void aRoleTheDoorIsNotForIsRefusedNotShownAnEmptyPage() {
        assertRefused("visitor1", "/safety-board");
        assertRefused("admin", "/safety-board");
        assertRefused("leader", "/request-visit");
        assertRefused("office", "/schools");
        assertRefused("admin", "/incidents");
    }

    @Test
    void theSafetyBoardHasAPupilColumnALiveRegionAndLinksRowsToTheVisitPage() {
        String board = as("office").get("/safety-board").body();
        assertThat(board).contains("<th scope=\"col\">Pupil</th>").contains("aria-live=\"assertive\"")
                .contains("<script src=\"/js/safety-board.js\"></script>");
    }

    @Test
    void incidentKindsComeFromTheServerAndOnlyReviewersGetTheList() {
        String staffPage = as("visitor1").get("/incidents?visit=hv-tha-00001").body();
        assertThat(staffPage).contains("<option value=\"NEAR_MISS\">Near miss</option>")
                .contains("value=\"HV-THA-00001\"").doesNotContain("For review");
        assertThat(as("head").get("/incidents").body()).contains("For review");
    }

    @Test
    void theSchoolsPageOffersTheRolesInWords() {
        assertThat(as("admin").get("/schools").body()).contains("<option value=\"visiting-staff\">");
    }

    @Test
    void theCheckInPageListsTheUsersVisitsAndTakesAReferenceInAnyCase() {
        String chooser = as("visitor1").get("/check-in").body();
        assertThat(chooser).contains("Your visits out now").contains("name=\"visit\"").contains("<button type=\"submit\"");

        HttpResponse<String> typed = as("visitor1").get("/check-in?visit=%20hv-tha-00001%20");
        assertThat(typed.statusCode()).isEqualTo(302);
        assertThat(typed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/check-in?visit=HV-THA-00001"));

        String visit = as("visitor1").get("/check-in?visit=HV-THA-00001").body();
        assertThat(visit).contains("data-visit=\"HV-THA-00001\"").contains("id=\"refusal\"")
                .as("the incident kinds are in the page").contains("<option value=\"INCIDENT\">Incident</option>");
    }

    @Test
    void setPasswordIsForPeopleNotSignedInAndHasNoNavigation() {
        HttpResponse<String> page = WebClient.anonymous(port).get("/set-password");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Set your password</h1>").doesNotContain("<nav")
                .contains("/js/set-password.js");
    }

    @Test
    void theOldAddressesLeadToTheNewOnesKeepingTheVisit() {
        assertMoved(as("visitor1"), "/check-in.html?visit=HV-THA-00001", "/check-in?visit=HV-THA-00001");
        assertMoved(as("visitor1"), "/request-visit.html", "/request-visit");
        assertMoved(as("office"), "/safety-board.html", "/safety-board");
        assertMoved(as("visitor1"), "/incidents.html", "/incidents");
        assertMoved(as("admin"), "/schools.html", "/schools");
        assertMoved(WebClient.anonymous(port), "/set-password.html", "/set-password");
    }

    @Test
    void theNavigationLeadsToTheCleanAddresses() {
        String home = as("office").get("/").body();
        assertThat(home).contains("href=\"/request-visit\"").contains("href=\"/check-in\"").contains("href=\"/safety-board\"")
                .doesNotContain(".html\"");
    }

    private void assertPage(String user, String path, String heading) {
        HttpResponse<String> page = as(user).get(path);
        assertThat(page.statusCode()).as(user + " " + path).isEqualTo(200);
        assertThat(page.body()).as(user + " " + path)
                .contains("<main id=\"main\"").contains("<h1>" + heading + "</h1>")
                .as("the one header with its navigation").contains("<nav").contains("aria-current=\"page\"")
                .contains("href=\"" + path + "\"");
    }

    private void assertRefused(String user, String path) {
        HttpResponse<String> page = as(user).get(path);
        assertThat(page.statusCode()).as(user + " " + path).isEqualTo(403);
        assertThat(page.body()).as(user + " " + path).doesNotContain("<main id=\"main\" class");
    }

    private static void assertMoved(WebClient client, String old, String now) {
        HttpResponse<String> response = client.get(old);
        assertThat(response.statusCode()).as(old).isIn(301, 302);
        assertThat(response.headers().firstValue("Location")).as(old).hasValueSatisfying(
                location -> assertThat(location).endsWith(now));
    }

    private WebClient as(String user) {
        return WebClient.signedIn(port, user, password);
    }
}
