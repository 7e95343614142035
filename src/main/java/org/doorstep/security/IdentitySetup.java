package org.doorstep.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
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
 * Makes sure the groups, their Camunda authorizations (exactly, see {@link #grantRolePermissions}),
 * each school's staff group ({@link SchoolColleagues}), the Tasklist filters and an administrator
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
        new SchoolColleagues(identityService, authorizationService, new SchoolAccess(identityService)).reconcileAll();
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

    /**
     * Every group-wide authorization of Doorstep's groups, exactly: what a group holds beyond this
     * (granted by an earlier version, or by hand in Admin) is revoked on the next start. School roles
     * may not start processes, nor change process or task variables: visits, watches, absence cases
     * and visit lists start only through Doorstep's own services and the processes' delegates, which
     * the engine does not check (see docs/security-model.md).
     */
    private void grantRolePermissions() {
        Map<String, Map<Target, Set<Permission>>> grants = new LinkedHashMap<>();
        for (String group : Roles.TASKLIST_GROUPS) {
            Map<Target, Set<Permission>> of = grants.computeIfAbsent(group, g -> new LinkedHashMap<>());
            add(of, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows the diagrams, decisions and deployed forms of the tasks a user may see.
            add(of, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            add(of, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            add(of, Resources.DEPLOYMENT, ANY, Permissions.READ);
            add(of, Resources.FILTER, ANY, Permissions.READ);
            // Only the role groups, by name; colleagues are visible through their school's staff group.
            for (Roles.Role role : Roles.ALL) {
                add(of, Resources.GROUP, role.id(), Permissions.READ);
            }
        }
        // Leaders watch running and finished visits in Cockpit; nobody but administrators changes them there.
        for (String group : Roles.MONITORING_GROUPS) {
            Map<Target, Set<Permission>> of = grants.computeIfAbsent(group, g -> new LinkedHashMap<>());
            add(of, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            add(of, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
            add(of, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            add(of, Resources.TASK, ANY, Permissions.READ);
            add(of, Resources.DECISION_DEFINITION, ANY, Permissions.READ_HISTORY);
        }
        Map<Target, Set<Permission>> administrators = grants.computeIfAbsent(Roles.CAMUNDA_ADMIN, g -> new LinkedHashMap<>());
        for (Resource resource : Resources.values()) {
            add(administrators, resource, ANY, Permissions.ALL);
        }
        grants.forEach(this::grantExactly);
        candidatesWorkOnTasksButDoNotUpdateThem();
    }

    private static void add(Map<Target, Set<Permission>> grants, Resource resource, String resourceId, Permission... permissions) {
        grants.computeIfAbsent(new Target(resource, resourceId), t -> new LinkedHashSet<>()).addAll(List.of(permissions));
    }

    /**
     * Gives the group exactly these grants and removes its other ones, except the grants the engine
     * itself makes on single tasks for their candidate groups. This runs on every start, so it reads
     * the group's grants in one query and writes only what differs (one query a resource type and a
     * save a grant were about 300 engine commands, most of a second of CPU).
     */
    private void grantExactly(String groupId, Map<Target, Set<Permission>> wanted) {
        Map<Target, AuthorizationEntity> held = new HashMap<>();
        for (Authorization authorization : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).list()) {
            Resource resource = RESOURCES.get(authorization.getResourceType());
            if (resource == null || resource == Resources.TASK && !ANY.equals(authorization.getResourceId())) {
                continue;
            }
            Target target = new Target(resource, authorization.getResourceId());
            if (wanted.containsKey(target)) {
                held.put(target, (AuthorizationEntity) authorization);
            } else {
                authorizationService.deleteAuthorization(authorization.getId());
                log.info("Revoked group {}'s grant on {} '{}'", groupId, resource.resourceName(), authorization.getResourceId());
            }
        }
        wanted.forEach((target, permissions) -> {
            AuthorizationEntity existing = held.get(target);
            int before = existing != null ? existing.getPermissions() : -1;
            Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(target.resource());
            authorization.setResourceId(target.resourceId());
            // Compared as the stored permission bits: a grant that is already right is not written again.
            authorization.setPermissions(permissions.toArray(Permission[]::new));
            if (existing == null || existing.getPermissions() != before) {
                authorizationService.saveAuthorization(authorization);
            }
        });
    }

    /**
     * Candidates and assignees get TASK_WORK on a new task (claim and complete with its form), not
     * Camunda's default UPDATE, which would let them rewrite any variable of the process
     * (application.yml, defaultUserPermissionNameForTask). Tasks created before that setting still
     * carry UPDATE: it is exchanged here.
     */
    private void candidatesWorkOnTasksButDoNotUpdateThem() {
        for (Authorization authorization : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.TASK).hasPermission(Permissions.UPDATE).list()) {
            if (ANY.equals(authorization.getResourceId()) || Roles.CAMUNDA_ADMIN.equals(authorization.getGroupId())) {
                continue;
            }
            authorization.removePermission(Permissions.UPDATE);
            authorization.addPermission(Permissions.TASK_WORK);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private static final Map<Integer, Resource> RESOURCES = Arrays.stream(Resources.values())
            .collect(Collectors.toMap(Resource::resourceType, resource -> resource));

    private record Target(Resource resource, String resourceId) {
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
