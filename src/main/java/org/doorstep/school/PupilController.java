package org.doorstep.school;

import java.util.List;
import java.util.function.Predicate;
import org.doorstep.security.SchoolAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pupils of the signed-in user's schools, for choosing whom a visit is for. */
@RestController
class PupilController {

    private final SchoolDirectory directory;
    private final SchoolAccess schools;

    PupilController(SchoolDirectory directory, SchoolAccess schools) {
        this.directory = directory;
        this.schools = schools;
    }

    @GetMapping("/api/pupils")
    List<PupilSummary> pupils(Authentication user) {
        Predicate<String> mine = schools.accessibleSchools(user);
        return directory.schools().stream()
                .filter(school -> mine.test(school.id()))
                .flatMap(school -> directory.pupils(school.id()).stream()
                        .map(pupil -> new PupilSummary(pupil.id(), pupil.fullName(), pupil.yearGroup(), school.name(),
                                pupil.hasSocialWorker())))
                .toList();
    }

    record PupilSummary(String id, String name, String yearGroup, String school, boolean hasSocialWorker) {
    }
}
