package org.doorstep.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.doorstep.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: who is signed in and where they may go. */
@ControllerAdvice(annotations = DoorstepPage.class)
class PageModel {

    private final IdentityService identityService;

    PageModel(IdentityService identityService) {
        this.identityService = identityService;
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
        return new SignedIn(authentication.getName(), displayName(authentication.getName()), groups, roleNames,
                Navigation.doorsFor(groups));
    }

    private String displayName(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }
}
