package org.doorstep.school;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.doorstep.security.Roles;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.Doors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' schools page: onboard a school, import its calendar, give users their schools. */
@Controller
@DoorstepPage
class SchoolsPage {

    static final String PATH = "/schools";

    @GetMapping(PATH)
    String page(Authentication user, HttpServletResponse response, Model model) throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        model.addAttribute("roles", Roles.ALL.stream().filter(role -> Roles.TASKLIST_GROUPS.contains(role.id())).toList());
        return "schools";
    }
}
