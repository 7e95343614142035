package org.doorstep.school;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.doorstep.api.Problems;
import org.doorstep.policy.PolicyProfile;
import org.doorstep.policy.PolicyProfiles;
import org.doorstep.policy.UnknownPolicyProfileException;
import org.doorstep.records.AuditTrail;
import org.doorstep.security.Roles;
import org.doorstep.security.SchoolColleagues;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * The one way a school comes into Doorstep: from its policy profile (the school's id is the profile's),
 * its record, the Camunda tenant of the same id that keeps its work apart, its staff group, and the
 * prefix of its visit references, declared here and unique across the install. Its calendar starts empty:
 * until terms are imported, no day is a school day for it and the evaluation says so.
 */
@Service
public class SchoolOnboarding {

    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{1,9}");
    private static final Pattern URN = Pattern.compile("\\d{6}");
    private static final Pattern LA_NUMBER = Pattern.compile("\\d{3}");
    private static final Pattern DFE_NUMBER = Pattern.compile("(\\d{3})/?(\\d{4})");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{6,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final SchoolDirectory directory;
    private final PolicyProfiles profiles;
    private final IdentityService identityService;
    private final SchoolColleagues colleagues;
    private final AuditTrail audit;

    SchoolOnboarding(JdbcClient jdbc, SchoolDirectory directory, PolicyProfiles profiles, IdentityService identityService,
            SchoolColleagues colleagues, AuditTrail audit) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.profiles = profiles;
        this.identityService = identityService;
        this.colleagues = colleagues;
        this.audit = audit;
    }

    /**
     * What an administrator declares for a new school. {@code name} may be left out: the profile's
     * school name is used.
     */
    public record Onboarding(String profile, String name, String urn, String laNumber, String dfeNumber, String address,
            String phone, String email, String referencePrefix) {
    }

    /** The school as recorded; {@code created} is false when the same declaration was already onboarded. */
    public record Onboarded(School school, boolean created) {
    }

    /**
     * Onboards the school, or, when exactly this school is already onboarded, changes nothing. A different
     * school under the same id, or a reference prefix or URN another school has, is refused with 409;
     * an invalid field with 400 naming it. All or nothing: record, tenant and staff group in one transaction.
     */
    @Transactional
    public Onboarded onboard(Onboarding request, String actor) {
        School school = validated(request);
        Optional<School> existing = directory.school(school.id());
        if (existing.isPresent()) {
            if (existing.get().equals(school)) {
                return new Onboarded(school, false);
            }
            if (existing.get().urn() == null && existing.get().referencePrefix().equals(school.referencePrefix())) {
                completeRecord(school, actor);
                return new Onboarded(school, false);
            }
            throw conflict("School '" + school.id() + "' is already onboarded (" + existing.get().name() + ", reference prefix "
                    + existing.get().referencePrefix() + ") with other details; nothing was changed");
        }
        refuseTaken("reference_prefix", school.referencePrefix(), "Reference prefix '" + school.referencePrefix() + "'");
        refuseTaken("urn", school.urn(), "URN " + school.urn());
        try {
            jdbc.sql("""
                    INSERT INTO school (id, name, phone, email, address, urn, la_number, dfe_number, reference_prefix)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(school.id(), school.name(), school.phone(), school.email(), school.address(), school.urn(),
                            school.laNumber(), school.dfeNumber(), school.referencePrefix())
                    .update();
        } catch (DuplicateKeyException race) {
            throw conflict("School '" + school.id() + "', its reference prefix or its URN was taken by another onboarding at"
                    + " the same moment; nothing was changed");
        }
        tenantAndStaffGroup(school);
        audit.record(actor, "SCHOOL_ONBOARDED", "school", school.id(), "%s; URN %s; DfE %s; reference prefix %s; profile version %s"
                .formatted(school.name(), school.urn(), school.dfeNumber(), school.referencePrefix(),
                        profiles.forSchool(school.id()).version()));
        return new Onboarded(school, true);
    }

    /**
     * A school made before onboarding existed (no URN, its reference prefix given by migration V60) gets the
     * rest of its declaration, as long as the prefix its visits already carry is the one declared.
     */
    private void completeRecord(School school, String actor) {
        refuseTaken("urn", school.urn(), "URN " + school.urn());
        jdbc.sql("UPDATE school SET name = ?, phone = ?, email = ?, address = ?, urn = ?, la_number = ?, dfe_number = ? WHERE id = ?")
                .params(school.name(), school.phone(), school.email(), school.address(), school.urn(), school.laNumber(),
                        school.dfeNumber(), school.id())
                .update();
        tenantAndStaffGroup(school);
        audit.record(actor, "SCHOOL_RECORD_COMPLETED", "school", school.id(), "%s; URN %s; DfE %s; reference prefix %s"
                .formatted(school.name(), school.urn(), school.dfeNumber(), school.referencePrefix()));
    }

    private void tenantAndStaffGroup(School school) {
        Tenant tenant = identityService.createTenantQuery().tenantId(school.id()).singleResult();
        if (tenant == null) {
            tenant = identityService.newTenant(school.id());
        }
        tenant.setName(school.name());
        identityService.saveTenant(tenant);
        colleagues.ensureStaffGroupOf(school.id());
    }

    /**
     * Lets the user work for the school: a member of its tenant and staff group and, when a role is given,
     * of that role's group. A local-authority officer is given each school they cover this way.
     * Returns whether anything changed.
     */
    @Transactional
    public boolean addMember(String schoolId, String userId, String role, String actor) {
        if (directory.school(schoolId).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    Problems.problem(HttpStatus.NOT_FOUND, "No school '" + Problems.shorten(schoolId) + "' is onboarded"), null);
        }
        if (userId == null || identityService.createUserQuery().userId(userId).count() == 0) {
            throw Problems.badField("userId", "No user '" + Problems.shorten(userId) + "' exists; create the user first");
        }
        boolean changed = false;
        if (role != null) {
            if (!Roles.TASKLIST_GROUPS.contains(role)) {
                throw Problems.badField("role", "'" + Problems.shorten(role) + "' is not a school role; one of " + Roles.TASKLIST_GROUPS);
            }
            if (identityService.createGroupQuery().groupId(role).groupMember(userId).count() == 0) {
                identityService.createMembership(userId, role);
                changed = true;
            }
        }
        if (identityService.createTenantQuery().tenantId(schoolId).userMember(userId).count() == 0) {
            changed = true;
        }
        directory.addMember(userId, schoolId);
        if (changed) {
            audit.record(actor, "SCHOOL_MEMBER_ADDED", "school", schoolId, userId + (role == null ? "" : " as " + role));
        }
        return changed;
    }

    private School validated(Onboarding request) {
        PolicyProfile profile = profile(request.profile());
        String name = blankToNull(request.name()) == null ? profile.schoolName() : request.name().strip();
        String prefix = required("referencePrefix", request.referencePrefix()).toUpperCase(Locale.ROOT);
        if (!PREFIX.matcher(prefix).matches()) {
            throw Problems.badField("referencePrefix", "A reference prefix is 2 to 10 letters and digits, starting with a letter"
                    + " (e.g. TVJ); '" + Problems.shorten(request.referencePrefix()) + "' is not");
        }
        String urn = matching("urn", request.urn(), URN, "a URN is 6 digits");
        String laNumber = matching("laNumber", request.laNumber(), LA_NUMBER, "an LA number is 3 digits");
        var dfe = DFE_NUMBER.matcher(required("dfeNumber", request.dfeNumber()));
        if (!dfe.matches()) {
            throw Problems.badField("dfeNumber", "A DfE number is the LA number and the establishment number, e.g. 925/2001");
        }
        if (!dfe.group(1).equals(laNumber)) {
            throw Problems.badField("dfeNumber", "The DfE number " + dfe.group(1) + "/" + dfe.group(2)
                    + " does not start with the LA number " + laNumber);
        }
        String phone = matching("phone", request.phone(), PHONE, "the office phone is digits, spaces, +, ( ) and -");
        String email = matching("email", request.email(), EMAIL, "the office e-mail is an address such as office@school.example");
        String address = required("address", request.address());
        if (name.length() > 200 || address.length() > 400 || email.length() > 200) {
            throw Problems.badField(name.length() > 200 ? "name" : address.length() > 400 ? "address" : "email", "Too long");
        }
        return new School(profile.id(), name, phone, email, address, urn, laNumber, dfe.group(1) + "/" + dfe.group(2), prefix);
    }

    private PolicyProfile profile(String id) {
        try {
            return profiles.forSchool(required("profile", id));
        } catch (UnknownPolicyProfileException e) {
            List<String> known = profiles.all().stream().map(PolicyProfile::id).toList();
            throw Problems.badField("profile", "No policy profile '" + Problems.shorten(id) + "'; add its file to the policies"
                    + " directory first. Known: " + String.join(", ", known));
        }
    }

    private void refuseTaken(String column, String value, String what) {
        jdbc.sql("SELECT name FROM school WHERE " + column + " = ?").param(value).query(String.class).optional()
                .ifPresent(owner -> {
                    throw conflict(what + " is already used by " + owner + "; choose another");
                });
    }

    private static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.problem(HttpStatus.CONFLICT, detail), null);
    }

    private static String matching(String field, String value, Pattern format, String rule) {
        String given = required(field, value);
        if (!format.matcher(given).matches()) {
            throw Problems.badField(field, "'" + Problems.shorten(given) + "' is not valid: " + rule);
        }
        return given;
    }

    private static String required(String field, String value) {
        String given = blankToNull(value);
        if (given == null) {
            throw Problems.badField(field, field + " is required");
        }
        return given;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
