package org.doorstep.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;

/**
 * Who sees whom in user lists (the REST API's and Tasklist's): the staff of each school see each
 * other, a local-authority officer sees the staff of every school they cover, administrators see
 * everyone. Camunda can only grant READ on a user by id, so each school has a staff group (id
 * {@value #STAFF_GROUP_PREFIX} + school id) whose members are the school's tenant members and which
 * may read each of them. Kept in step when a user joins a school through
 * {@code school.SchoolDirectory}, and for everyone at every start, so a membership changed in
 * Admin counts from the next start.
 */
@Service
public class SchoolColleagues {

    static final String STAFF_GROUP_PREFIX = "staff-";
    static final String STAFF_GROUP_TYPE = "SCHOOL";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final SchoolAccess schools;

    SchoolColleagues(IdentityService identityService, AuthorizationService authorizationService, SchoolAccess schools) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.schools = schools;
    }

    /** Everyone's visibility, as their tenant memberships say. */
    void reconcileAll() {
        identityService.createUserQuery().list().forEach(user -> reconcile(user.getId()));
    }

    /**
     * The user's visibility after their schools changed: a member of the staff group of each of
     * their schools, and readable by it; out of the staff groups of schools they left.
     */
    public void reconcile(String userId) {
        Set<String> wanted = schools.schoolsOf(userId).stream().map(SchoolColleagues::staffGroupOf).collect(Collectors.toSet());
        Set<String> memberOf = identityService.createGroupQuery().groupMember(userId).groupType(STAFF_GROUP_TYPE).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        Map<String, Authorization> readableBy = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.USER).resourceId(userId).list().stream()
                .filter(grant -> grant.getGroupId() != null && grant.getGroupId().startsWith(STAFF_GROUP_PREFIX))
                .collect(Collectors.toMap(Authorization::getGroupId, Function.identity()));
        for (String group : wanted) {
            ensureStaffGroup(group);
            if (!memberOf.contains(group)) {
                identityService.createMembership(userId, group);
            }
            if (!readableBy.containsKey(group)) {
                Authorization read = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
                read.setGroupId(group);
                read.setResource(Resources.USER);
                read.setResourceId(userId);
                read.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(read);
            }
        }
        memberOf.stream().filter(group -> !wanted.contains(group))
                .forEach(group -> identityService.deleteMembership(userId, group));
        readableBy.forEach((group, grant) -> {
            if (!wanted.contains(group)) {
                authorizationService.deleteAuthorization(grant.getId());
            }
        });
    }

    /** The staff group of a school just onboarded, so its staff see each other from their first sign-in. */
    public void ensureStaffGroupOf(String schoolId) {
        ensureStaffGroup(staffGroupOf(schoolId));
    }

    private void ensureStaffGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Tenant school = identityService.createTenantQuery().tenantId(groupId.substring(STAFF_GROUP_PREFIX.length())).singleResult();
            Group group = identityService.newGroup(groupId);
            group.setName("Staff of " + (school == null ? groupId : school.getName()));
            group.setType(STAFF_GROUP_TYPE);
            identityService.saveGroup(group);
        }
    }

    static String staffGroupOf(String schoolId) {
        return STAFF_GROUP_PREFIX + schoolId;
    }
}
