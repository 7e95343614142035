package org.doorstep.web;

import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages' addresses before they became templates: bookmarks, phone home-screen links and set-password
 * links already sent by e-mail still work. The query (?visit=HV-...) is kept; a fragment (#token=...) is
 * kept by the browser itself.
 */
@Configuration
class RetiredAddresses implements WebMvcConfigurer {

    static final Map<String, String> MOVED = Map.of(
            "/index.html", "/",
            "/request-visit.html", "/request-visit",
            "/check-in.html", "/check-in",
            "/safety-board.html", "/safety-board",
            "/incidents.html", "/incidents",
            "/schools.html", "/schools",
            "/set-password.html", "/set-password");

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        MOVED.forEach((old, now) -> registry.addRedirectViewController(old, now)
                .setKeepQueryParams(true).setStatusCode(HttpStatus.MOVED_PERMANENTLY));
    }
}
