package org.doorstep.web;

import java.util.List;

/**
 * Who the page is for, as the header shows them: their name (never a user id), their roles in words
 * and the doors those roles open.
 */
public record SignedIn(String userId, String name, List<String> groups, List<String> roleNames, List<Door> doors) {

    public boolean inAny(String... wanted) {
        for (String group : wanted) {
            if (groups.contains(group)) {
                return true;
            }
        }
        return false;
    }
}
