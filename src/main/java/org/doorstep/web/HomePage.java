package org.doorstep.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.doorstep.security.SchoolAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page: each person's waiting work first (the sections features contribute through
 * {@link HomeSection}), then the doors their roles may open.
 */
@Controller
@DoorstepPage
class HomePage {

    private final List<HomeSection> sections;
    private final SchoolAccess schools;

    HomePage(List<HomeSection> sections, SchoolAccess schools) {
        this.sections = sections;
        this.schools = schools;
    }

    @GetMapping("/")
    String home(Authentication user, Model model) {
        SignedIn signedIn = (SignedIn) model.getAttribute("signedIn");
        HomeSection.Viewer viewer = new HomeSection.Viewer(user.getName(), signedIn.groups(), schools.schoolsOf(user.getName()));
        model.addAttribute("sections", sections.stream().map(section -> section.forViewer(viewer)).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(HomeSection.Shown::order)).toList());
        return "home";
    }
}
