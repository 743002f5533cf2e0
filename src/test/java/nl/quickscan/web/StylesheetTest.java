package nl.quickscan.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages load only the NL Design System CSS they use, and every table reflows: the vendored file holds exactly
 * the components the templates and scripts name, and every table is drawn by partials/table.hbs (its scrolling,
 * labelled region).
 */
class StylesheetTest {

    private static final Path TEMPLATES = Path.of("templates");
    private static final Path PUBLIC = Path.of("src/main/resources/public");
    private static final Path COMPONENTS = PUBLIC.resolve("vendor/nl-design-system/utrecht-components-9.0.4.css");
    /** A component's block in a class name: utrecht-form-field in utrecht-form-field--invalid or utrecht-table__cell. */
    private static final Pattern CLASS = Pattern.compile("\\butrecht-([a-z0-9]+(?:-[a-z0-9]+)*)(?:__|--|\\b)");
    private static final Pattern PACKAGE = Pattern.compile("^/\\* @utrecht/([a-z0-9-]+)-css [0-9.]+ \\*/$", Pattern.MULTILINE);

    @Test
    void theVendoredCssHoldsExactlyTheComponentsThePagesUse() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path file : files()) {
            Matcher matcher = CLASS.matcher(Files.readString(file));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        used.removeIf(block -> block.startsWith("components-")); // the file's own name in the layout
        Map<String, String> packages = packages(Files.readString(COMPONENTS));
        Set<String> missing = new TreeSet<>();
        Set<String> unused = new TreeSet<>(packages.keySet());
        for (String block : used) {
            Pattern rule = Pattern.compile("\\.utrecht-" + Pattern.quote(block) + "(?![a-z0-9-])");
            List<String> styledBy = packages.entrySet().stream().filter(entry -> rule.matcher(entry.getValue()).find())
                    .map(Map.Entry::getKey).toList();
            if (styledBy.isEmpty()) {
                missing.add(block);
            }
            styledBy.forEach(unused::remove);
        }
        assertEquals(Set.of(), missing, "used by the pages but not vendored (see the README in public/vendor/nl-design-system)");
        assertEquals(Set.of(), unused, "vendored but used by no page: drop them (README in public/vendor/nl-design-system)");
    }

    /** The vendored file's packages by name, each with its CSS. */
    private static Map<String, String> packages(String css) {
        Map<String, String> packages = new LinkedHashMap<>();
        Matcher marker = PACKAGE.matcher(css);
        String name = null;
        int start = 0;
        while (marker.find()) {
            if (name != null) {
                packages.put(name, css.substring(start, marker.start()));
            }
            name = marker.group(1);
            start = marker.end();
        }
        if (name != null) {
            packages.put(name, css.substring(start));
        }
        return packages;
    }

    @Test
    void everyTableIsDrawnByTheTablePartial() throws IOException {
        List<String> raw = new ArrayList<>();
        for (Path file : files()) {
            if (file.toString().endsWith(".hbs") && !file.endsWith(Path.of("partials", "table.hbs"))
                    && Files.readString(file).contains("<table")) {
                raw.add(file.toString());
            }
        }
        assertEquals(List.of(), raw, "use {{#> views/partials/table caption=...}}: it scrolls inside a labelled region");
        assertTrue(Files.readString(TEMPLATES.resolve("partials/table.hbs")).contains("role=\"region\""));
    }

    private static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(TEMPLATES, PUBLIC)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(path -> path.toString().endsWith(".hbs") || path.toString().endsWith(".js")).forEach(files::add);
            }
        }
        return files;
    }
}
