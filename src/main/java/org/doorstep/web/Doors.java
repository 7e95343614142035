package org.doorstep.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The page's side of a door in {@link Navigation}: a page opens for the roles its door is declared for, so
 * the header never offers a page that then refuses, and a refused role gets the error page (403), never a
 * page with nothing in it.
 */
public final class Doors {

    /**
     * Answers 403 through the container's error page when the user's roles do not open the door at
     * {@code href}; the page controller then returns null, taking the response as answered.
     */
    public static boolean refused(Authentication user, String href, HttpServletResponse response) throws IOException {
        boolean open = user != null && Navigation.doorsFor(groupsOf(user)).stream().anyMatch(door -> door.href().equals(href));
        if (!open) {
            response.sendError(HttpStatus.FORBIDDEN.value());
        }
        return !open;
    }

    /** The Camunda groups the user signed in with, in order. */
    static List<String> groupsOf(Authentication user) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("GROUP_"))
                .map(authority -> authority.substring("GROUP_".length()))
                .sorted()
                .toList();
    }

    private Doors() {
    }
}
