/**
 * Doorstep's pages: one layout, one header and navigation, one sign-in and one set of error pages for
 * every page a feature serves. A feature's page controller carries {@link org.doorstep.web.DoorstepPage}
 * and returns a template that calls {@code layout :: page}; the layout finds who is signed in and the
 * doors their roles open here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pages")
package org.doorstep.web;
