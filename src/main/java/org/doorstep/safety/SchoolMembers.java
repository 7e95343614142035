package org.doorstep.safety;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.doorstep.security.SchoolAccess;
import org.springframework.stereotype.Component;

/**
 * Who works for which school, for alerts and the board. Where schools are Camunda tenants, a
 * group's alert goes only to its members at the visit's school; without tenants (one school) every
 * member counts. Queries run without the current user's engine authentication: an alert raised
 * while someone completes a task must reach everyone, whatever that person may read.
 */
@Component
class SchoolMembers {

    private final IdentityService identityService;
    private final SchoolAccess schools;

    SchoolMembers(IdentityService identityService, SchoolAccess schools) {
        this.identityService = identityService;
        this.schools = schools;
    }

    List<User> membersAtSchool(String group, String schoolId) {
        return system(() -> {
            boolean tenancy = identityService.createTenantQuery().tenantId(schoolId).count() > 0;
            return identityService.createUserQuery().memberOfGroup(group).list().stream()
                    .filter(user -> !tenancy || schoolsOfUser(user.getId()).contains(schoolId)).toList();
        });
    }

    /** Whether the user works for the school (always, where schools are not tenants). */
    boolean worksFor(String userId, String schoolId) {
        return system(() -> identityService.createTenantQuery().tenantId(schoolId).count() == 0
                || schoolsOfUser(userId).contains(schoolId));
    }

    private Set<String> schoolsOfUser(String userId) {
        return schools.schoolsOf(userId);
    }

    private <T> T system(Supplier<T> query) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }
}
