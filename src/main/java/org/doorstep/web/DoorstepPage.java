package org.doorstep.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders Doorstep pages: the layout's model (who is signed in, their doors)
 * is added to its views and to no API call, so a JSON answer never pays for a header it does not draw.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DoorstepPage {
}
