package org.doorstep.safety;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.doorstep.school.School;
import org.doorstep.school.SchoolDirectory;
import org.doorstep.security.SchoolAccess;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.Doors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Drills: start one (for a visit out now, or none), see past ones, and each drill's report. */
@Controller
@DoorstepPage
class DrillPages {

    static final String PATH = "/drills";

    private final Drills drills;
    private final SchoolDirectory directory;
    private final SchoolAccess access;

    DrillPages(Drills drills, SchoolDirectory directory, SchoolAccess access) {
        this.drills = drills;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping(PATH)
    String list(Authentication user, HttpServletResponse response, Model model) throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        var mine = access.accessibleSchools(user);
        List<School> schools = directory.schools().stream().filter(school -> mine.test(school.id())).toList();
        model.addAttribute("outNow", drills.outNow(user));
        model.addAttribute("schools", schools);
        model.addAttribute("noRealVisit", Drills.NO_REAL_VISIT);
        model.addAttribute("drills", drills.recent(user));
        return "drills";
    }

    @PostMapping(PATH)
    String start(Authentication user, @RequestParam(name = "visit", required = false) String visit,
            @RequestParam(name = "school", required = false) String school) {
        return "redirect:" + PATH + "/" + drills.start(user, school, visit);
    }

    @GetMapping(PATH + "/{reference}")
    String report(Authentication user, HttpServletResponse response, @PathVariable String reference, Model model)
            throws IOException {
        if (Doors.refused(user, PATH, response)) {
            return null;
        }
        Drills.Drill drill = drills.find(user, reference);
        model.addAttribute("drill", drill);
        model.addAttribute("startedAt", org.doorstep.web.ShownTime.at(drill.startedAt()));
        model.addAttribute("steps", drills.report(drill));
        return "drill";
    }

    @PostMapping(PATH + "/{reference}/end")
    String end(Authentication user, @PathVariable String reference) {
        drills.end(user, reference);
        return "redirect:" + PATH + "/" + reference;
    }
}
