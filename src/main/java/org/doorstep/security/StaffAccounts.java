package org.doorstep.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Camunda side of a school's staff: a user with their school roles (groups), a member of the
 * school's tenant and staff group ({@link SchoolColleagues}), exactly as the demo users are made.
 * A new user gets a secret nobody knows instead of a password; they set their own through a
 * {@link PasswordLinks link}. A leaver loses every role and school and their secret is replaced, so
 * they cannot sign in nor be named on a plan, while every record that names them stays.
 */
@Service
public class StaffAccounts {

    /** What {@link #save} answers for a user it had to create. */
    public static final String CREATED = "created";

    private final IdentityService identityService;
    private final SchoolColleagues colleagues;
    private final PasswordLinks links;

    StaffAccounts(IdentityService identityService, SchoolColleagues colleagues, PasswordLinks links) {
        this.identityService = identityService;
        this.colleagues = colleagues;
        this.links = links;
    }

    public boolean exists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /**
     * Creates or brings the user in line with the account: names, e-mail, exactly these school roles,
     * a member of the school. Returns what changed, in words for the audit trail ("created",
     * "e-mail", "roles office → dsl"); nothing when the account was already so.
     */
    @Transactional
    public List<String> save(Account account) {
        List<String> changes = new ArrayList<>();
        User user = identityService.createUserQuery().userId(account.userId()).singleResult();
        boolean created = user == null;
        if (created) {
            user = identityService.newUser(account.userId());
            changes.add(CREATED);
        }
        if (!created && !Objects.equals(user.getFirstName(), account.firstName())) {
            changes.add("first name");
        }
        if (!created && !Objects.equals(user.getLastName(), account.lastName())) {
            changes.add("last name");
        }
        if (!created && !Objects.equals(user.getEmail(), account.email())) {
            changes.add("e-mail");
        }
        if (created || changes.size() > 0) {
            user.setFirstName(account.firstName());
            user.setLastName(account.lastName());
            user.setEmail(account.email());
            if (created) {
                user.setPassword(unknowableSecret(user));
            }
            identityService.saveUser(user);
        }
        Set<String> held = schoolRolesOf(account.userId());
        if (!held.equals(account.roles())) {
            held.stream().filter(role -> !account.roles().contains(role))
                    .forEach(role -> identityService.deleteMembership(account.userId(), role));
            account.roles().stream().filter(role -> !held.contains(role))
                    .forEach(role -> identityService.createMembership(account.userId(), role));
            if (!created) {
                changes.add("roles " + String.join(", ", held) + " → " + String.join(", ", new TreeSet<>(account.roles())));
            }
        }
        if (identityService.createTenantQuery().userMember(account.userId()).tenantId(account.schoolId()).count() == 0) {
            identityService.createTenantUserMembership(account.schoolId(), account.userId());
            if (!created) {
                changes.add("member of the school again");
            }
        }
        colleagues.reconcile(account.userId());
        return changes;
    }

    /**
     * The user can no longer sign in or work for the school: out of every school role and of the
     * school, their unused links withdrawn and their password replaced by a secret nobody knows.
     * The user itself stays, so history, tasks and the audit trail still name them.
     */
    @Transactional
    public void deactivate(String userId, String schoolId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return;
        }
        schoolRolesOf(userId).forEach(role -> identityService.deleteMembership(userId, role));
        identityService.deleteTenantUserMembership(schoolId, userId);
        colleagues.reconcile(userId);
        links.withdraw(userId);
        user.setPassword(unknowableSecret(user));
        identityService.saveUser(user);
    }

    private Set<String> schoolRolesOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .filter(Roles.TASKLIST_GROUPS::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * 256 random bits, never shown or kept anywhere but as the engine's hash: the account has a
     * password (Camunda expects one) that nobody can type. Drawn again in the rare case that the
     * random text happens to contain the user's name, which the password rules forbid.
     */
    private String unknowableSecret(User user) {
        while (true) {
            String secret = LinkToken.newToken();
            if (identityService.checkPasswordAgainstPolicy(secret, user).isValid()) {
                return secret;
            }
        }
    }

    /** A member of staff as Camunda knows them; {@code roles} are group ids of school roles. */
    public record Account(String userId, String firstName, String lastName, String email, Set<String> roles, String schoolId) {
    }
}
