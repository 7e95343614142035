package org.doorstep.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;

/** Doorstep's one sign-in, for its pages and the Camunda webapps alike. Spring Security handles the POST. */
@Controller
class SignInPage {

    static final String WRONG_PASSWORD = "Wrong user name or password.";

    /** Only the demo profile has a shared password, and only there does the page mention it. */
    private final String demoPassword;

    SignInPage(@Value("${doorstep.demo.password:#{null}}") String demoPassword) {
        this.demoPassword = demoPassword;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @SessionAttribute(name = WebAttributes.AUTHENTICATION_EXCEPTION, required = false) Object failure, Model model) {
        if (error != null) {
            model.addAttribute("problem", problem(failure));
        }
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("demoPassword", demoPassword);
        return "login";
    }

    /** Says how long to wait when the throttle refused; never whether the user name exists. */
    private static String problem(Object failure) {
        return failure instanceof SignInThrottledException throttled ? throttled.getMessage() : WRONG_PASSWORD;
    }
}
