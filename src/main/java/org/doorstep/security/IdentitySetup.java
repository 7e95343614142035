package org.doorstep.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure the groups, their Camunda authorizations, the Tasklist filters and an administrator
 * exist, on every start and idempotently. Runs as the engine is built, before anything else can
 * use it and before the web server opens, so a start without an administrator fails before anyone
 * could reach Admin's first-user set-up page.
 */
@Component
class IdentitySetup extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final Environment environment;
    private final String initialAdminUsername;
    private final String initialAdminPassword;

    private IdentityService identityService;
    private AuthorizationService authorizationService;
    private FilterService filterService;
    private TaskService taskService;

    IdentitySetup(Environment environment,
            @Value("${doorstep.security.initial-admin.username:}") String initialAdminUsername,
            @Value("${doorstep.security.initial-admin.password:}") String initialAdminPassword) {
        this.environment = environment;
        this.initialAdminUsername = initialAdminUsername;
        this.initialAdminPassword = initialAdminPassword;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        identityService = engine.getIdentityService();
        authorizationService = engine.getAuthorizationService();
        filterService = engine.getFilterService();
        taskService = engine.getTaskService();
        Roles.ALL.forEach(this::ensureGroup);
        grantRolePermissions();
        ensureTasklistFilters();
        ensureAdministrator();
    }

    private void ensureGroup(Roles.Role role) {
        if (identityService.createGroupQuery().groupId(role.id()).singleResult() == null) {
            Group group = identityService.newGroup(role.id());
            group.setName(role.name());
            group.setType(role.id().equals(Roles.CAMUNDA_ADMIN) ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void grantRolePermissions() {
        for (String group : Roles.TASKLIST_GROUPS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Reading definitions lets Tasklist show diagrams and forms; starting visits is open to
            // every role that may request one (the process decides who authorises).
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
        }
        // Leaders watch running and finished visits in Cockpit; nobody but administrators changes them there.
        for (String group : Roles.MONITORING_GROUPS) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grant(group, Resources.TASK, ANY, Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
        }
        for (Resource resource : Resources.values()) {
            grant(Roles.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    /** Staff-safety tasks carry priority 80 and above (the police call 95, an emergency 100). */
    static final int SAFETY_ALERT_PRIORITY = 80;

    private void ensureTasklistFilters() {
        ensureFilter("Safety alerts", -5, taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().taskMinPriority(SAFETY_ALERT_PRIORITY).orderByTaskPriority().desc()
                .orderByTaskCreateTime().asc(), "Staff who may need help now, most urgent first");
        ensureFilter("My tasks", 10, taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                "Tasks assigned to me");
        ensureFilter("My team's tasks", -10, taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks(), "Tasks for the groups I belong to");
    }

    private void ensureFilter(String name, int priority, TaskQuery query, String description) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filterService.saveFilter(filter);
    }

    private void ensureAdministrator() {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        boolean adminExists = identityService.createUserQuery().memberOfGroup(Roles.CAMUNDA_ADMIN).count() > 0;
        if (adminExists || demo) {
            return;
        }
        if (initialAdminUsername.isBlank() || initialAdminPassword.isBlank()) {
            throw new IllegalStateException("""
                    Doorstep will not start: no administrator exists and none is configured.
                    Set DOORSTEP_ADMIN_USERNAME and DOORSTEP_ADMIN_PASSWORD (at least %d characters, not a common password) for the first start;
                    they are only used to create the first administrator. Demo users and passwords exist only with the 'demo' profile."""
                    .formatted(PasswordRules.MINIMUM_LENGTH));
        }
        User admin = identityService.newUser(initialAdminUsername);
        admin.setFirstName("Doorstep");
        admin.setLastName("Administrator");
        PasswordPolicyResult check = identityService.checkPasswordAgainstPolicy(initialAdminPassword, admin);
        if (!check.isValid()) {
            throw new IllegalStateException("Doorstep will not start: DOORSTEP_ADMIN_PASSWORD breaks the password policy: "
                    + PasswordRules.explain(check.getViolatedRules()));
        }
        admin.setPassword(initialAdminPassword);
        identityService.saveUser(admin);
        identityService.createMembership(initialAdminUsername, Roles.CAMUNDA_ADMIN);
        log.info("Created the first administrator '{}'", initialAdminUsername);
    }
}
