package org.doorstep.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** A group-wide grant as an administrator (or an earlier version of Doorstep) would make it. */
final class AdminGrants {

    static String grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
            Permission permission) {
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        return authorizations.saveAuthorization(authorization).getId();
    }

    private AdminGrants() {
    }
}
