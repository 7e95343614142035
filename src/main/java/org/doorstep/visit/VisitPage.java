package org.doorstep.visit;

import org.doorstep.security.Roles;
import org.doorstep.security.SchoolAccess;
import org.doorstep.web.DoorstepPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One visit on one page (issue 12 item 1): for everyone at the visit's school, whatever their role, since
 * each of them works on some step of it; another school's visit is "not found". Safeguarding notes are
 * for the DSL and the headteacher only (need-to-know), and each time they are shown the read is audited.
 */
@Controller
@DoorstepPage
class VisitPage {

    private final VisitOverview overview;
    private final SchoolAccess schools;

    VisitPage(VisitOverview overview, SchoolAccess schools) {
        this.overview = overview;
        this.schools = schools;
    }

    /** The visit's page, for links from other pages and from the API's answers. */
    static String path(String reference) {
        return "/visits/" + reference;
    }

    @GetMapping("/visits/{reference}")
    String visit(@PathVariable String reference, Authentication user, Model model) {
        VisitOverview.Row visit = overview.row(reference).orElse(null);
        schools.require(user, visit == null ? null : visit.schoolId(), "visit " + reference);
        boolean safeguardingReader = user.getAuthorities().stream().anyMatch(authority ->
                authority.getAuthority().equals(Roles.authority(Roles.DSL))
                        || authority.getAuthority().equals(Roles.authority(Roles.HEADTEACHER)));
        model.addAttribute("visit", overview.page(visit, user.getName(), safeguardingReader));
        return "visit";
    }
}
