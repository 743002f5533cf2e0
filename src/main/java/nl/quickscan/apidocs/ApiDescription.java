package nl.quickscan.apidocs;

import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of /api/v1, written by hand in {@value #RESOURCE} and read once: served as it is
 * written, and the source of the readable page. {@code OpenApiTest} keeps it true to the routes and the answers.
 */
@Singleton
public final class ApiDescription {

    static final String RESOURCE = "openapi/quickscan-api.yaml";

    private final String text;
    private final Map<String, Object> tree;

    ApiDescription() {
        this.text = read();
        this.tree = parse(text);
    }

    /** The YAML as written. */
    public String text() {
        return text;
    }

    /** The YAML as maps, lists and scalars. */
    public Map<String, Object> tree() {
        return tree;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yamlText) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
    }

    private static String read() {
        try (InputStream in = ApiDescription.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The API description " + RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
