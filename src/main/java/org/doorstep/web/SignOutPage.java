package org.doorstep.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * An old "Sign out" link (GET /logout). Signing out is a POST with the CSRF token, so a link on another
 * site cannot sign anyone out; and a link that silently did nothing would leave a shared office PC
 * signed in while its user walks away. The page says who is still signed in and offers the button.
 */
@Controller
@DoorstepPage
class SignOutPage {

    @GetMapping("/logout")
    String confirm() {
        return "sign-out";
    }
}
