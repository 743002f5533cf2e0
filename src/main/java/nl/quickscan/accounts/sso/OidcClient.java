package nl.quickscan.accounts.sso;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The calls to an identity provider: its discovery document ({@code /.well-known/openid-configuration}) and its keys
 * (JWKS), both cached, and the exchange of an authorisation code for tokens. Every call has a bounded time and a
 * bounded answer, so that a slow or misbehaving provider holds a thread for seconds at most.
 */
@Singleton
public class OidcClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_RESPONSE_BYTES = 256 * 1024;
    /** Discovery documents change rarely; after this they are fetched again at the next sign-in. */
    static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    /** A token with an unknown key fetches the keys again (key rotation), but not more often than this. */
    static final Duration KEYS_REFRESH_INTERVAL = Duration.ofSeconds(30);

    /** The endpoints of a provider's discovery document. */
    public record Metadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                           @Nullable URI endSessionEndpoint, Instant fetchedAt) {
    }

    private record Keys(JWKSet keys, Instant fetchedAt) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, Metadata> metadata = new ConcurrentHashMap<>();
    private final Map<String, Keys> keys = new ConcurrentHashMap<>();

    public Metadata metadata(SsoProvider provider) throws SsoRefusal {
        Metadata cached = metadata.get(provider.name());
        if (cached != null && cached.fetchedAt().plus(METADATA_LIFETIME).isAfter(Instant.now())) {
            return cached;
        }
        Map<String, Object> document = json(provider, "discovery document",
                get(provider, URI.create(provider.issuer() + "/.well-known/openid-configuration")));
        Metadata fetched;
        try {
            String issuer = JSONObjectUtils.getString(document, "issuer");
            // OpenID Connect Discovery 4.3: the document must name the issuer it was fetched from.
            if (!provider.issuer().equals(issuer)) {
                throw new SsoRefusal(SsoProblem.SETUP, provider.name() + ": the discovery document names issuer "
                        + issuer + ", not " + provider.issuer());
            }
            String endSession = JSONObjectUtils.getString(document, "end_session_endpoint");
            fetched = new Metadata(issuer, endpoint(provider, document, "authorization_endpoint"),
                    endpoint(provider, document, "token_endpoint"), endpoint(provider, document, "jwks_uri"),
                    endSession == null ? null : endpoint(provider, document, "end_session_endpoint"), Instant.now());
        } catch (ParseException | IllegalArgumentException e) {
            throw new SsoRefusal(SsoProblem.SETUP, provider.name() + ": unusable discovery document: " + e.getMessage());
        }
        metadata.put(provider.name(), fetched);
        return fetched;
    }

    /** The provider's keys; {@code refresh}: fetched again (after a token named an unknown key), if not just now. */
    public JWKSet keys(SsoProvider provider, boolean refresh) throws SsoRefusal {
        Keys cached = keys.get(provider.name());
        Instant now = Instant.now();
        if (cached != null && (!refresh || cached.fetchedAt().plus(KEYS_REFRESH_INTERVAL).isAfter(now))) {
            return cached.keys();
        }
        try {
            JWKSet fetched = JWKSet.parse(get(provider, metadata(provider).jwksUri()));
            keys.put(provider.name(), new Keys(fetched, now));
            return fetched;
        } catch (ParseException e) {
            throw new SsoRefusal(SsoProblem.SETUP, provider.name() + ": unusable keys (JWKS): " + e.getMessage());
        }
    }

    /** The token response of the authorisation code (RFC 6749 4.1.3, with the PKCE code verifier of RFC 7636). */
    public Map<String, Object> exchange(SsoProvider provider, String code, String codeVerifier, String redirectUri)
            throws SsoRefusal {
        String form = "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(redirectUri)
                + "&code_verifier=" + encode(codeVerifier) + "&client_id=" + encode(provider.clientId());
        // client_secret_basic: the method every provider must support (RFC 6749 2.3.1).
        String credentials = Base64.getEncoder().encodeToString((encode(provider.clientId()) + ":"
                + encode(provider.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(metadata(provider).tokenEndpoint()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Answer answer = send(provider, request);
        Map<String, Object> tokens = json(provider, "token response", answer.body());
        if (answer.status() != 200) {
            throw new SsoRefusal(SsoProblem.PROVIDER_REFUSED, provider.name() + ": token endpoint answered "
                    + answer.status() + " " + tokens.getOrDefault("error", ""));
        }
        return tokens;
    }

    private record Answer(int status, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private String get(SsoProvider provider, URI uri) throws SsoRefusal {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .GET().build();
        Answer answer = send(provider, request);
        if (answer.status() != 200) {
            throw new SsoRefusal(SsoProblem.PROVIDER_UNREACHABLE, provider.name() + ": " + uri + " answered " + answer.status());
        }
        return answer.body();
    }

    /**
     * One call, answer included within {@link #REQUEST_TIMEOUT}: the request's own timeout covers only the wait for
     * the headers, so the body is read on the client's thread and waited for here with the same deadline; a
     * provider that trickles its answer is given up on.
     */
    private Answer send(SsoProvider provider, HttpRequest request) throws SsoRefusal {
        CompletableFuture<Answer> answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    try (InputStream body = response.body()) {
                        return new Answer(response.statusCode(), body.readNBytes(MAX_RESPONSE_BYTES + 1));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        try {
            Answer read = answer.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (read.bytes().length > MAX_RESPONSE_BYTES) {
                throw new SsoRefusal(SsoProblem.PROVIDER_UNREACHABLE, provider.name() + ": " + request.uri()
                        + " answered more than " + MAX_RESPONSE_BYTES + " bytes");
            }
            return read;
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new SsoRefusal(SsoProblem.PROVIDER_UNREACHABLE, provider.name() + ": " + request.uri()
                    + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new SsoRefusal(SsoProblem.PROVIDER_UNREACHABLE, provider.name() + ": " + request.uri() + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SsoRefusal(SsoProblem.PROVIDER_UNREACHABLE, provider.name() + ": interrupted");
        }
    }

    private static Map<String, Object> json(SsoProvider provider, String what, String body) throws SsoRefusal {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new SsoRefusal(SsoProblem.PROVIDER_UNREACHABLE, provider.name() + ": the " + what + " is not JSON");
        }
    }

    private static URI endpoint(SsoProvider provider, Map<String, Object> document, String name) throws ParseException {
        String value = JSONObjectUtils.getString(document, name);
        if (value == null) {
            throw new ParseException("no " + name, 0);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ParseException(name + " is not an address: " + value, 0);
        }
        if (!uri.isAbsolute()) {
            throw new ParseException(name + " is not an absolute address: " + value, 0);
        }
        if (!"https".equals(uri.getScheme()) && !uri.getScheme().equals(URI.create(provider.issuer()).getScheme())) {
            throw new ParseException(name + " is not https: " + value, 0);
        }
        return uri;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
