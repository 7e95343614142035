package org.doorstep.security;

import java.net.HttpCookie;

/** Calls to the Camunda webapps' APIs (/camunda/api/...) as their pages make them, with Camunda's CSRF token. */
final class CamundaWebapp {

    static WebClient signedInWithToken(int port, String user, String password) {
        WebClient client = WebClient.signedIn(port, user, password);
        String token = client.get("/camunda/app/tasklist/default/").headers().allValues("Set-Cookie").stream()
                .flatMap(header -> HttpCookie.parse(header).stream())
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("Tasklist handed out no XSRF-TOKEN cookie"));
        return client.with("X-XSRF-TOKEN", token);
    }

    private CamundaWebapp() {
    }
}
