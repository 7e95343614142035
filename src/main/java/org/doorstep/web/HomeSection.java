package org.doorstep.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A part of someone's home page that a feature owns: the register upload, the absence cases, who is
 * out now. The feature reads its own tables (one bounded query a section) and draws the section with
 * its own fragment; the home page only asks each section whether it is for this person and in which
 * order to show it. Web thus needs no feature, and features keep their tables to themselves.
 */
public interface HomeSection {

    /** The section for this person, or empty when it is not part of their work. */
    Optional<Shown> forViewer(Viewer viewer);

    /** Who is looking: their user id, Camunda groups and the schools they work for. */
    record Viewer(String userId, List<String> groups, Set<String> schools) {

        public boolean inAny(String... wanted) {
            for (String group : wanted) {
                if (groups.contains(group)) {
                    return true;
                }
            }
            return false;
        }

        /** Rows carry their school's name only when the person works for more than one. */
        public boolean severalSchools() {
            return schools.size() > 1;
        }
    }

    /**
     * A section to draw: {@code template} names a Thymeleaf template whose fragment {@code section(data)}
     * draws it; {@code order} places it on the page (lower first).
     */
    record Shown(int order, String template, Object data) {
    }
}
