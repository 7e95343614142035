package org.doorstep.school;

import java.net.URI;
import java.util.List;
import org.doorstep.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Onboarding schools and giving users their schools: administrators only (the schools page). */
@RestController
@PreAuthorize("hasAuthority('GROUP_camunda-admin')")
class SchoolAdminController {

    private final SchoolOnboarding onboarding;
    private final SchoolDirectory directory;

    SchoolAdminController(SchoolOnboarding onboarding, SchoolDirectory directory) {
        this.onboarding = onboarding;
        this.directory = directory;
    }

    /** The schools, and the roles a user can be given at one (for the schools page's choices). */
    record Overview(List<School> schools, List<String> schoolRoles) {
    }

    @GetMapping("/api/admin/schools")
    Overview schools() {
        return new Overview(directory.schools(), Roles.TASKLIST_GROUPS);
    }

    /** 201 with the new school; 200 when exactly this school was already onboarded (a repeated request). */
    @PostMapping("/api/admin/schools")
    ResponseEntity<School> onboard(@RequestBody SchoolOnboarding.Onboarding request, Authentication admin) {
        SchoolOnboarding.Onboarded result = onboarding.onboard(request, admin.getName());
        return result.created()
                ? ResponseEntity.created(URI.create("/api/admin/schools/" + result.school().id())).body(result.school())
                : ResponseEntity.ok(result.school());
    }

    record Member(String userId, String role) {
    }

    record MemberAdded(String schoolId, String userId, String role, boolean changed) {
    }

    /** Lets a user work for the school (a local-authority officer: once for each school they cover). */
    @PostMapping("/api/admin/schools/{schoolId}/members")
    MemberAdded addMember(@PathVariable String schoolId, @RequestBody Member member, Authentication admin) {
        boolean changed = onboarding.addMember(schoolId, member.userId(), member.role(), admin.getName());
        return new MemberAdded(schoolId, member.userId(), member.role(), changed);
    }
}
