package org.doorstep.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a new user's one-time link lands ({@code /set-password#token=...}). Nobody is signed in here, so the
 * layout draws no navigation; its script reads the token from the fragment, which never reaches a server.
 */
@Controller
class SetPasswordPage {

    @GetMapping("/set-password")
    String page() {
        return "set-password";
    }
}
