package nl.quickscan.web;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import nl.quickscan.database.DemoMode;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The public address of the app (QUICKSCAN_BASE_URL), from which the invitation and password reset links are made;
 * never from the request's Host header, which the sender of the request chooses. Without demo mode the address is
 * required and the app does not start without it; in demo mode it defaults to http://localhost and the server's port.
 */
@Context
public final class BaseUrl {

    private final String configured;
    private final BeanProvider<EmbeddedServer> server;

    BaseUrl(@Value("${quickscan.base-url:}") String baseUrl, @Nullable @Property(name = "quickscan.demo") Boolean demo,
            @Value("${datasources.default.url}") String datasourceUrl, BeanProvider<EmbeddedServer> server) {
        this.configured = baseUrl.strip().replaceAll("/+$", "");
        this.server = server;
        if (configured.isEmpty()) {
            if (!DemoMode.on(demo, datasourceUrl)) {
                throw new ConfigurationException("QUICKSCAN_BASE_URL must be set when demo mode is off: the public"
                        + " address of the app, such as https://quickscan.example.nl. Invitation and password reset"
                        + " links are made from it.");
            }
        } else if (!valid(configured)) {
            throw new ConfigurationException("QUICKSCAN_BASE_URL must be an http:// or https:// address without"
                    + " query, such as https://quickscan.example.nl; it is: " + configured);
        }
    }

    /** The absolute address of a path of this app, such as "/uitnodiging/…". */
    public String link(String path) {
        String base = configured.isEmpty() ? "http://localhost:" + server.get().getPort() : configured;
        return base + path;
    }

    private static boolean valid(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
