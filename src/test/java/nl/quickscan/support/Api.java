package nl.quickscan.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A script using the JSON API with a bearer token. */
public final class Api {

    private final Function<String, URI> addresses;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String token;

    Api(TestApp app) {
        this(app::uri);
    }

    /** For an app that is not a {@link TestApp}, such as one in a process of its own: path to address. */
    Api(Function<String, URI> addresses) {
        this.addresses = addresses;
    }

    public Api login(String username, String password) {
        Response response = postJson("/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, response.status(), () -> "token for " + username + ": " + response);
        token = (String) response.json().get("access_token");
        return this;
    }

    public Api withToken(String token) {
        this.token = token;
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A download: status, headers and the body as bytes. */
    public java.net.http.HttpResponse<byte[]> download(String path) {
        try {
            return client.send(request(path).setHeader("Accept", "*/*").GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::setHeader);
        return send(builder);
    }

    /** A POST of raw bytes, such as a text that is not UTF-8. */
    public Response postBytes(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A file in the multipart field {@code file}, as a script uploads one. */
    public Response postFile(String path, String fileName, byte[] file) {
        return postBytes(path, Multipart.CONTENT_TYPE, Multipart.body(Map.of(), "file", fileName, file));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(addresses.apply(path)).timeout(java.time.Duration.ofSeconds(20)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        return Response.send(client, request.build());
    }
}
