package nl.quickscan.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A browser without JavaScript: a cookie jar, no automatic redirects, forms posted as a browser posts them. */
public final class Browser {

    private final TestApp app;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrfToken;
    private String csrfTokenSession;

    Browser(TestApp app) {
        this.app = app;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(app.uri(path)).timeout(java.time.Duration.ofSeconds(20)).header("Accept", "text/html").GET());
    }

    /** Follows a download link the way a browser does: it takes whatever the link gives. */
    public Response download(String path) {
        return send(HttpRequest.newBuilder(app.uri(path)).timeout(java.time.Duration.ofSeconds(20)).header("Accept", "*/*").GET());
    }

    /** Posts a form the way the page would: with the CSRF token the page carries. */
    public Response post(String path, String... fieldsAndValues) {
        Map<String, String> fields = fields(fieldsAndValues);
        fields.putIfAbsent("_csrf", csrfToken());
        return postRaw(path, fields);
    }

    /** Posts these fields, as {@link PageForms#fields} reads them from a page and the test changes them. */
    public Response post(String path, Map<String, String> fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>(fieldsAndValues);
        fields.putIfAbsent("_csrf", csrfToken());
        return postRaw(path, fields);
    }

    /**
     * Posts a form with a file (multipart/form-data) as the page's form does: the CSRF token first (unless
     * {@code withToken} is false), then the file in the field {@code file}.
     */
    public Response postFile(String path, String fileName, byte[] file, boolean withToken) {
        Map<String, String> fields = withToken ? Map.of("_csrf", csrfToken()) : Map.of();
        return send(HttpRequest.newBuilder(app.uri(path)).timeout(java.time.Duration.ofSeconds(30)).header("Accept", "text/html")
                .header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.body(fields, "file", fileName, file))));
    }

    /** Posts a form exactly as given, for example without a CSRF token. */
    public Response postWithoutToken(String path, String... fieldsAndValues) {
        return postRaw(path, fields(fieldsAndValues));
    }

    public Browser login(String email, String password) {
        Response response = tryLogin(email, password);
        assertEquals(303, response.status(), () -> "login of " + email + " failed: " + response);
        return this;
    }

    public Response tryLogin(String email, String password) {
        get("/login");
        return post("/login", "email", email, "password", password);
    }

    /** The CSRF token that this browser's pages put into their forms (it changes with the login). */
    public String csrfToken() {
        String session = cookie("QUICKSCAN_SESSION");
        if (csrfToken == null || !java.util.Objects.equals(session, csrfTokenSession)) {
            Response page = get("/login");
            if (page.status() == 303) {
                page = get("/");
            }
            csrfToken = page.html().select("input[name=_csrf]").attr("value");
            csrfTokenSession = session;
        }
        return csrfToken;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(app.uri("/"), cookie);
    }

    /**
     * Posts a form the way a browser posts a form of this site's page: with the {@code Origin} and
     * {@code Sec-Fetch-Site} headers a browser adds, and the fields exactly as given (a CSRF token only if given).
     */
    public Response postFromPage(String path, Map<String, String> fields) {
        return postRaw(path, fields, Map.of("Origin", app.uri("/").toString().replaceAll("/$", ""),
                "Sec-Fetch-Site", "same-origin"));
    }

    /** The fields a form sends as the page shows it: its hidden and filled-in inputs, checked radios and checkboxes, textareas. */
    public static Map<String, String> fieldsOf(org.jsoup.nodes.Element form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (org.jsoup.nodes.Element input : form.select("input[name], textarea[name]")) {
            boolean choice = input.attr("type").equals("radio") || input.attr("type").equals("checkbox");
            if (!choice || input.hasAttr("checked")) {
                fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.val());
            }
        }
        return fields;
    }

    /** Forgets a cookie, as a browser does when it expires. */
    public void dropCookie(String name) {
        java.util.List<HttpCookie> kept = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> !cookie.getName().equals(name)).toList();
        cookies.getCookieStore().removeAll();
        kept.forEach(cookie -> cookies.getCookieStore().add(app.uri("/"), cookie));
    }

    /** Posts a form body exactly as given, encoding included (or broken), with this browser's CSRF token first. */
    public Response postEncoded(String path, String encodedFields) {
        String body = "_csrf=" + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8) + "&" + encodedFields;
        return send(HttpRequest.newBuilder(app.uri(path)).timeout(java.time.Duration.ofSeconds(20)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * What a script of this browser's page sends to the JSON API: the session cookie, and the token in the
     * X-CSRF-Token header (none when null); a POST with an empty JSON object.
     */
    public Response fetchJson(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(java.time.Duration.ofSeconds(20))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("X-CSRF-Token", token);
        }
        return send(method.equals("GET") ? request.GET() : request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));
    }

    private Response postRaw(String path, Map<String, String> fields) {
        return postRaw(path, fields, Map.of());
    }

    private Response postRaw(String path, Map<String, String> fields, Map<String, String> headers) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((key, value) -> body.add(URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path)).timeout(java.time.Duration.ofSeconds(20))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static Map<String, String> fields(String... fieldsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return fields;
    }

    private Response send(HttpRequest.Builder request) {
        return Response.send(client, request.build());
    }
}
