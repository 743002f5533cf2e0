package nl.quickscan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * HTTP/1.1 written by hand, for what java.net.http refuses to send: a forged Host header, a malformed address.
 * Returns the whole response (status line, headers and body) as text.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * Posts a form as the browser would (its cookies and CSRF token), but with the given Host header; the field
     * values are sent as given, so they may be invalid %-encoding.
     */
    public static String postForm(TestApp app, Browser browser, String host, String path, String... fieldsAndValues) {
        StringJoiner body = new StringJoiner("&");
        body.add("_csrf=" + browser.csrfToken());
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.add(fieldsAndValues[i] + "=" + fieldsAndValues[i + 1]);
        }
        String session = browser.cookie("QUICKSCAN_SESSION");
        return send(app, "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nCookie: QUICKSCAN_CSRF=" + browser.csrfToken()
                + (session == null ? "" : "; QUICKSCAN_SESSION=" + session), body.toString());
    }

    /** Sends the request head (without the final blank line) and body; Connection: close is added. */
    public static String send(TestApp app, String head, String body) {
        URI server = app.uri("/");
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String request = head + "\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
