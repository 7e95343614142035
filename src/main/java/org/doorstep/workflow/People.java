package org.doorstep.workflow;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People as staff read them: by name, never by user id, and Doorstep's own actors by what they are.
 * The one lookup every page and time line uses, so a name reads the same everywhere.
 */
@Component
public class People {

    private static final Map<String, String> DOORSTEP_ACTORS = Map.of(
            Actor.DOORSTEP, "Doorstep",
            Actor.ABSENCE_CHECK, "Doorstep (daily absence check)");

    private final IdentityService identity;

    People(IdentityService identity) {
        this.identity = identity;
    }

    /** Each id's name, in one query; an id nobody has (a deleted user) stays as it is. */
    public Map<String, String> names(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : userIds) {
            if (id == null) {
                continue;
            }
            if (DOORSTEP_ACTORS.containsKey(id)) {
                names.put(id, DOORSTEP_ACTORS.get(id));
            } else {
                names.put(id, id);
                wanted.add(id);
            }
        }
        if (!wanted.isEmpty()) {
            for (User user : identity.createUserQuery().userIdIn(wanted.toArray(String[]::new)).list()) {
                names.put(user.getId(), nameOf(user));
            }
        }
        return names;
    }

    public String name(String userId) {
        return userId == null ? "" : names(Set.of(userId)).get(userId);
    }

    private static String nameOf(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
