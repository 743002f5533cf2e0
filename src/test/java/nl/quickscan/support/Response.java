package nl.quickscan.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** What the server answered, with helpers to read it as HTML or JSON. */
public record Response(int status, String body, HttpHeaders headers) {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    public Document html() {
        return Jsoup.parse(body);
    }

    public String location() {
        return headers.firstValue("Location").orElse(null);
    }

    public List<String> setCookies() {
        return headers.allValues("Set-Cookie");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        try {
            return JSON.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> jsonList() {
        try {
            return (List<Map<String, Object>>) (List<?>) JSON.readValue(body, Argument.listOf(Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + body, e);
        }
    }

    public String contentType() {
        return headers.firstValue("Content-Type").orElse("");
    }

    public static Response send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return status + " " + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
    }
}
