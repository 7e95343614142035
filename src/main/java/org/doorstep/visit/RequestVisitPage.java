package org.doorstep.visit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.school.UnknownPupilException;
import org.doorstep.security.SchoolAccess;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.Doors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Request a home visit": the pupils of the user's schools and the reasons in words, rendered by the server;
 * the form posts here and works without JavaScript. A request is made once: a repeat (a double click, a
 * retried POST) is answered with the visit the first one made.
 */
@Controller
@DoorstepPage
class RequestVisitPage {

    static final String PATH = "/request-visit";

    private final VisitRequests requests;
    private final SchoolDirectory directory;
    private final SchoolAccess schools;

    RequestVisitPage(VisitRequests requests, SchoolDirectory directory, SchoolAccess schools) {
        this.requests = requests;
        this.directory = directory;
        this.schools = schools;
    }

    /** One pupil as the form offers them; {@code hasSocialWorker} pre-ticks the form's box. */
    record PupilChoice(String id, String label, boolean hasSocialWorker) {
    }

    /** What the form was sent with, shown again when the request was refused. */
    record Answers(String pupilId, String reason, boolean announced, boolean hasSocialWorker) {

        static final Answers NEW = new Answers("", "", true, false);
    }

    @GetMapping(PATH)
    String form(Authentication user, HttpServletResponse response, Model model) throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        if (!model.containsAttribute("answers")) {
            model.addAttribute("answers", Answers.NEW);
        }
        return page(user, model);
    }

    @PostMapping(PATH)
    String request(@RequestParam(defaultValue = "") String pupilId, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean announced, @RequestParam(defaultValue = "false") boolean hasSocialWorker,
            Authentication user, HttpServletResponse response, Model model, RedirectAttributes next) throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        Answers answers = new Answers(pupilId, reason, announced, hasSocialWorker);
        if (pupilId.isBlank()) {
            return refused(user, model, answers, "choose the pupil the visit is for.", null);
        }
        try {
            VisitRequests.Requested requested = requests.request(
                    new VisitRequests.NewVisit(pupilId, reason, hasSocialWorker, announced), user);
            // Post, redirect, get: reloading the page that says "requested" asks for nothing again.
            next.addFlashAttribute("requested", requested);
            return "redirect:" + PATH;
        } catch (VisitService.VisitAlreadyRequestedException repeat) {
            return refused(user, model, answers, repeat.getMessage() + ".", repeat.reference());
        } catch (ErrorResponseException refusal) {
            return refused(user, model, answers, refusal.getBody().getDetail(), null);
        } catch (IllegalArgumentException | UnknownPupilException refusal) {
            return refused(user, model, answers, refusal.getMessage(), null);
        }
    }

    private String refused(Authentication user, Model model, Answers answers, String why, String existingVisit) {
        model.addAttribute("answers", answers);
        model.addAttribute("refusal", why);
        model.addAttribute("existingVisit", existingVisit);
        return page(user, model);
    }

    private String page(Authentication user, Model model) {
        Predicate<String> mine = schools.accessibleSchools(user);
        List<PupilChoice> pupils = directory.schools().stream()
                .filter(school -> mine.test(school.id()))
                .flatMap(school -> directory.pupils(school.id()).stream()
                        .map(pupil -> new PupilChoice(pupil.id(), pupil.fullName() + " (" + pupil.yearGroup() + ", "
                                + school.name() + ")", pupil.hasSocialWorker())))
                .toList();
        model.addAttribute("pupils", pupils);
        model.addAttribute("reasons", VisitReason.values());
        return "request-visit";
    }
}
