package org.doorstep.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A browser-like client for tests: keeps cookies, signs in through the real sign-in form. */
public final class WebClient {

    private final String base;
    private final HttpClient http;
    private String basicCredentials;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    private WebClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static WebClient anonymous(int port) {
        return new WebClient(port);
    }

    /** Sends HTTP Basic credentials with every request, as a machine client of the REST API would. */
    public static WebClient basic(int port, String user, String password) {
        WebClient client = new WebClient(port);
        client.basicCredentials = basicHeader(user, password);
        return client;
    }

    public static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs in through the form, as a person would; the session cookie then carries the sign-in. */
    public static WebClient signedIn(int port, String user, String password) {
        WebClient client = new WebClient(port);
        HttpResponse<String> page = client.get("/login");
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\"[^>]*value=\"([^\"]+)\".*", "$1");
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(client.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in as " + user + " failed: " + response.statusCode() + " " + location);
        }
        return client;
    }

    /** Sends this header with every later request as well, e.g. a stray Authorization header beside the session. */
    public WebClient with(String header, String value) {
        extraHeaders.put(header, value);
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON POST from one of Doorstep's pages, with the CSRF header the page sends. */
    public HttpResponse<String> postJson(String path, String json, String header, String value) {
        return send(request(path).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, text/html");
        if (basicCredentials != null) {
            builder.header("Authorization", basicCredentials);
        }
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
