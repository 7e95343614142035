package org.doorstep.safety;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.doorstep.web.DoorstepPage;
import org.doorstep.web.Doors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The office's safety board: its script fills the table from the board's API and keeps it current. */
@Controller
@DoorstepPage
class SafetyBoardPage {

    static final String PATH = "/safety-board";

    @GetMapping(PATH)
    String board(Authentication user, HttpServletResponse response) throws IOException {
        return Doors.refused(user, PATH, response) ? null : "safety-board";
    }
}
