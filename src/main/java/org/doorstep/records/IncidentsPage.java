package org.doorstep.records;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.doorstep.security.Roles;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.Doors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Incidents and near misses (Burgh 11): any staff member records one; the headteacher, the DSL and senior
 * leaders also get the list to review, which its script fills from the incidents API.
 */
@Controller
@DoorstepPage
class IncidentsPage {

    static final String PATH = "/incidents";

    /** Who reviews incidents: the list's API answers them (and administrators, who have no door here). */
    private static final Set<String> REVIEWERS = Set.of(Roles.authority(Roles.HEADTEACHER), Roles.authority(Roles.DSL),
            Roles.authority(Roles.SENIOR_LEADERS));

    @GetMapping(PATH)
    String page(@RequestParam(required = false) String visit, Authentication user, HttpServletResponse response, Model model)
            throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        model.addAttribute("incidentKinds", IncidentKind.values());
        model.addAttribute("visit", visit == null ? "" : visit.strip().toUpperCase(Locale.ROOT));
        model.addAttribute("reviews", user.getAuthorities().stream().anyMatch(authority -> REVIEWERS.contains(authority.getAuthority())));
        return "incidents";
    }
}
