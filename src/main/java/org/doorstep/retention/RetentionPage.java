package org.doorstep.retention;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.doorstep.school.Pupil;
import org.doorstep.school.School;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.SchoolAccess;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.Doors;
import org.doorstep.web.ShownTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The leader's review of what the retention job listed: the rules, what is due at each of their
 * schools (kinds, counts and whose records), and the one button that destroys it.
 */
@Controller
@DoorstepPage
class RetentionPage {

    static final String PATH = "/retention";

    /** One kind of record on the list: its rule and how many are due. */
    record KindRow(String label, String rule, int count) {
    }

    /** Whose records are on the list, so the leader can stop it for a pupil they know must be kept. */
    record PupilRow(String name, String records) {
    }

    record SchoolReview(String schoolName, long id, String listedAt, int total, List<KindRow> kinds, List<PupilRow> pupils) {
    }

    private final RetentionReviews reviews;
    private final SchoolDirectory directory;
    private final SchoolAccess access;

    RetentionPage(RetentionReviews reviews, SchoolDirectory directory, SchoolAccess access) {
        this.reviews = reviews;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping(PATH)
    String page(Authentication user, HttpServletResponse response, Model model) throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        Predicate<String> mine = access.accessibleSchools(user);
        List<School> schools = directory.schools().stream().filter(school -> mine.test(school.id())).toList();
        model.addAttribute("rules", Arrays.stream(RecordKind.values()).map(kind -> new KindRow(kind.label(), kind.rule().label(), 0)).toList());
        model.addAttribute("reviews", schools.stream()
                .flatMap(school -> reviews.waiting(school.id()).map(review -> view(school, review)).stream()).toList());
        model.addAttribute("schoolsWithNothing", schools.stream().filter(school -> reviews.waiting(school.id()).isEmpty())
                .map(School::name).toList());
        return "retention";
    }

    @PostMapping(PATH + "/{id}")
    String confirm(@PathVariable long id, Authentication user, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        Predicate<String> mine = access.accessibleSchools(user);
        RetentionReviews.Review review = directory.schools().stream().filter(school -> mine.test(school.id()))
                .flatMap(school -> reviews.waiting(school.id()).stream())
                .filter(waiting -> waiting.id() == id).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No retention list " + id + " waiting in your schools"));
        RetentionReviews.Outcome outcome = reviews.confirm(review, user.getName());
        redirect.addFlashAttribute(outcome.destroyed() ? "destroyed" : "changed", outcome.counts().entrySet().stream()
                .filter(count -> count.getValue() > 0).map(count -> count.getKey().label() + ": " + count.getValue()).toList());
        return "redirect:" + PATH;
    }

    private SchoolReview view(School school, RetentionReviews.Review review) {
        Map<RecordKind, List<DueRecords.Due>> records = reviews.records(review);
        List<KindRow> kinds = review.counts().entrySet().stream().filter(count -> count.getValue() > 0)
                .map(count -> new KindRow(count.getKey().label(), count.getKey().rule().label(), count.getValue())).toList();
        Map<String, Map<RecordKind, Long>> byPupil = records.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(DueRecords.Due::pupilId, Collectors.groupingBy(DueRecords.Due::kind, Collectors.counting())));
        List<PupilRow> pupils = byPupil.entrySet().stream()
                .map(pupil -> new PupilRow(directory.pupil(pupil.getKey()).map(Pupil::fullName).orElse(pupil.getKey()),
                        pupil.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(count -> count.getKey().label() + ": " + count.getValue()).collect(Collectors.joining(", "))))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
        return new SchoolReview(school.name(), review.id(), ShownTime.at(review.asOf()), review.total(), kinds, pupils);
    }
}
