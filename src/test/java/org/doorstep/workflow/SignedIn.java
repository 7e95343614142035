package org.doorstep.workflow;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;

/**
 * Runs engine calls as a signed-in user with their groups and schools, as Tasklist and the REST
 * API do, so that authorizations and the tenant check apply in scenario tests too.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static void as(IdentityService identity, String userId, Runnable work) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> schools = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).toList();
        identity.setAuthentication(userId, groups, schools);
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
