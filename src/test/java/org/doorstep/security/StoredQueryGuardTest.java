package org.doorstep.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.doorstep.DoorstepTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A saved filter's expressions run with every Spring bean in reach: an administrator could run SQL
 * through one (found while closing probe S5), so only Tasklist's own kinds of expression are stored.
 */
@DoorstepTest
class StoredQueryGuardTest {

    @LocalServerPort
    int port;

    @Value("${doorstep.demo.password}")
    String password;

    @Autowired
    FilterService filters;

    @Autowired
    TaskService tasks;

    @AfterEach
    void removeProbeFilters() {
        filters.createFilterQuery().filterName("probe").list().forEach(filter -> filters.deleteFilter(filter.getId()));
    }

    @Test
    void anAdministratorCannotSaveAFilterThatCallsASpringBean() {
        // \\u0024 is "$" escaped in JSON: it passes the HTTP guard, which looks for a literal "${".
        String body = """
                {"resourceType":"Task","name":"probe","owner":"admin",
                 "query":{"candidateUserExpression":"\\u0024{jdbcTemplate.update(\\"DELETE FROM audit_chain_head\\")}"}}""";
        var refused = WebClient.basic(port, "admin", password).postJson("/engine-rest/filter/create", body);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("may only use ${currentUser()}");
        assertThat(filters.createFilterQuery().filterName("probe").count()).isZero();
    }

    @Test
    void tasklistsOwnExpressionsAreStillStored() {
        filters.saveFilter(filters.newTaskFilter("probe").setQuery(tasks.createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .dueBeforeExpression("${dateTime().plusWeeks(1).toDate()}")
                .followUpAfterExpression("${now()}")));
        assertThat(filters.createFilterQuery().filterName("probe").count()).isEqualTo(1);
    }

    @Test
    void theAllowedShapesAreExactlyTasklists() {
        assertThat(StoredQueryGuard.ALLOWED.matcher("${ currentUser() }").matches()).isTrue();
        assertThat(StoredQueryGuard.ALLOWED.matcher("${dateTime().minusDays(3)}").matches()).isTrue();
        assertThat(StoredQueryGuard.ALLOWED.matcher("${currentUser()}${environment}").matches()).isFalse();
        assertThat(StoredQueryGuard.ALLOWED.matcher("${dateTime().getClass()}").matches()).isFalse();
        assertThat(StoredQueryGuard.ALLOWED.matcher("#{currentUser()}").matches()).isFalse();
    }
}
