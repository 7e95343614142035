package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.DoorstepTest;
import org.doorstep.school.SchoolDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff see the staff of their own schools in user lists (REST API and Tasklist), a local-authority
 * officer those of every school they cover, administrators everyone.
 */
@DoorstepTest
class UserListTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    IdentityService identityService;

    @Autowired
    SchoolDirectory directory;

    @Autowired
    SchoolColleagues colleagues;

    @Test
    void aSchoolsStaffListOnlyTheirOwnSchoolsStaff() {
        Set<String> lynnfield = staffOf("lynnfield-primary");
        assertThat(lynnfield).contains("lyn-head", "lyn-visitor2", "la-officer").doesNotContain("visitor1", "bur-head");
        assertThat(userIds(WebClient.basic(port, "lyn-visitor1", password), "/engine-rest/user")).isEqualTo(lynnfield);
        assertThat(userIds(WebClient.signedIn(port, "lyn-visitor1", password), "/camunda/api/engine/engine/default/user"))
                .isEqualTo(lynnfield);
    }

    @Test
    void aLocalAuthorityOfficerListsTheStaffOfTheSchoolsTheyCover() {
        Set<String> both = new HashSet<>(staffOf("burgh-lincolnshire"));
        both.addAll(staffOf("lynnfield-primary"));
        assertThat(userIds(WebClient.basic(port, "la-officer", password), "/engine-rest/user")).isEqualTo(both)
                .contains("bur-office", "lyn-office").doesNotContain("office");
    }

    @Test
    void administratorsListEveryone() {
        assertThat(userIds(WebClient.basic(port, "admin", password), "/engine-rest/user?maxResults=10000"))
                .hasSize((int) identityService.createUserQuery().count()).contains("visitor1", "lyn-visitor1");
    }

    @Test
    void tasklistStillNamesColleaguesButNotOtherSchoolsStaff() {
        WebClient visitor = WebClient.basic(port, "lyn-visitor1", password);
        assertThat(visitor.get("/engine-rest/user/lyn-visitor2/profile").body()).contains("\"firstName\":\"Victor\"");
        assertThat(visitor.get("/engine-rest/user/lyn-visitor1/profile").statusCode()).as("themselves").isEqualTo(200);
        assertThat(visitor.get("/engine-rest/user/visitor2/profile").statusCode()).isEqualTo(404);
    }

    @Test
    void joiningASchoolShowsTheNewcomerToItsStaffAndLeavingHidesThemAgain() {
        String newcomer = "newcomer-" + System.nanoTime();
        User user = identityService.newUser(newcomer);
        user.setFirstName("Nia");
        user.setLastName("Newcomer");
        identityService.saveUser(user);
        try {
            WebClient colleague = WebClient.basic(port, "lyn-office", password);
            assertThat(userIds(colleague, "/engine-rest/user")).doesNotContain(newcomer);
            directory.addMember(newcomer, "lynnfield-primary");
            assertThat(userIds(colleague, "/engine-rest/user")).contains(newcomer);
            assertThat(userIds(WebClient.basic(port, "bur-office", password), "/engine-rest/user")).doesNotContain(newcomer);

            identityService.deleteTenantUserMembership("lynnfield-primary", newcomer);
            colleagues.reconcile(newcomer);
            assertThat(userIds(colleague, "/engine-rest/user")).doesNotContain(newcomer);
        } finally {
            identityService.deleteUser(newcomer);
        }
    }

    private Set<String> staffOf(String schoolId) {
        return identityService.createUserQuery().memberOfTenant(schoolId).list().stream().map(User::getId)
                .collect(Collectors.toSet());
    }

    private static Set<String> userIds(WebClient client, String path) {
        var response = client.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            JsonNode users = JSON.readTree(response.body());
            return StreamSupport.stream(users.spliterator(), false).map(u -> u.get("id").asText()).collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
