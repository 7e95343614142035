package org.doorstep.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: the doors a role may open. Features add their own home sections later. */
@Controller
@DoorstepPage
class HomePage {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
