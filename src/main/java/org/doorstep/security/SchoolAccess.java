package org.doorstep.security;

import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.doorstep.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which schools a signed-in user works for: the Camunda tenants they (or their groups) belong to.
 * Doorstep's own endpoints ask here, as the engine's tenant check does for Tasklist and Cockpit.
 * Administrators see every school.
 */
@Service
public class SchoolAccess {

    private final IdentityService identityService;

    SchoolAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean isAdministrator(org.springframework.security.core.Authentication user) {
        return user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals(Roles.authority(Roles.CAMUNDA_ADMIN)));
    }

    /**
     * The user's schools, directly or through a group. Asked as the system, not as whoever is signed
     * in to the engine at that moment: an alert raised while someone completes a task must still
     * find everyone it is for.
     */
    public Set<String> schoolsOf(String userId) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                    .map(Tenant::getId).collect(Collectors.toSet());
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }

    public boolean canAccess(org.springframework.security.core.Authentication user, String schoolId) {
        return accessibleSchools(user).test(schoolId);
    }

    /**
     * Which schools the user may see, asked of the identity service once: for checking many records
     * in one request (a register's rows, a list of pupils).
     */
    public Predicate<String> accessibleSchools(org.springframework.security.core.Authentication user) {
        if (isAdministrator(user)) {
            return schoolId -> schoolId != null;
        }
        Set<String> mine = schoolsOf(user.getName());
        return mine::contains;
    }

    /**
     * Refuses a record of another school as "not found", so that a user cannot even learn that it
     * exists; {@code what} names the record for the message, e.g. "visit HV-TVJ-00001".
     */
    public void require(org.springframework.security.core.Authentication user, String schoolId, String what) {
        if (!canAccess(user, schoolId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + Problems.shorten(what) + " in your schools");
        }
    }
}
