package org.doorstep.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.doorstep.security.Roles;
import org.doorstep.workflow.People;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: who is signed in and where they may go. */
@ControllerAdvice(annotations = DoorstepPage.class)
class PageModel {

    private final People people;

    PageModel(People people) {
        this.people = people;
    }

    /** Marks the header's link to the page being shown (Thymeleaf 3.1 no longer exposes the request). */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("signedIn")
    SignedIn signedIn(Authentication authentication) {
        return authentication == null ? null : of(authentication);
    }

    SignedIn of(Authentication authentication) {
        List<String> groups = Doors.groupsOf(authentication);
        List<String> roleNames = Roles.ALL.stream().filter(role -> groups.contains(role.id())).map(Roles.Role::name).toList();
        return new SignedIn(authentication.getName(), people.name(authentication.getName()), groups, roleNames,
                Navigation.doorsFor(groups));
    }
}
