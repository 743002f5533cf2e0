package nl.quickscan.text;

import java.text.Normalizer;
import java.util.Locale;

/** Text as a name for a file or an HTML id: lower-case ASCII letters and digits joined by hyphens. */
public final class Slug {

    private Slug() {
    }

    /** "Bouwsteen 2: Één aanpak" → "bouwsteen-2-een-aanpak". */
    public static String of(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
