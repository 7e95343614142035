package org.doorstep.web;

import java.util.List;

/** A place a role may go: the header's navigation and the home page's cards. */
public record Door(String title, String href, String text, List<String> groups) {
}
