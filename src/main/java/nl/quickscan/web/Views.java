package nl.quickscan.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Options;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.helper.ConditionalHelpers;
import com.github.jknack.handlebars.helper.StringHelpers;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.handlebars.HandlebarsFactory;
import jakarta.inject.Singleton;
import nl.quickscan.time.Clocks;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Handlebars engine. The views module's own factory builds one without a template cache, which would compile
 * every template on every request; this one compiles each template once, and escapes output with
 * {@link HtmlEscaping}.
 */
@Factory
public class Views {

    private static final Locale DUTCH = new Locale("nl", "NL");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", DUTCH).withZone(Clocks.ZONE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

    @Singleton
    @Replaces(bean = Handlebars.class, factory = HandlebarsFactory.class)
    Handlebars handlebars() {
        Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader("/", ".hbs"))
                .with(new ConcurrentMapTemplateCache())
                .with(new HtmlEscaping());
        handlebars.registerHelpers(ConditionalHelpers.class);
        // {{defaultIfEmpty id name}}: a partial's optional parameter with a default.
        handlebars.registerHelper("defaultIfEmpty", StringHelpers.defaultIfEmpty);
        handlebars.registerHelper("datetime", (Object value, Options options) ->
                value instanceof Instant instant ? DATE_TIME.format(instant) : "");
        handlebars.registerHelper("datum", (Object value, Options options) ->
                value instanceof java.time.LocalDate date ? DATE.format(date) : "");
        handlebars.registerHelper("getal", (Object value, Options options) ->
                value instanceof Number number ? dutchNumber(number) : "");
        handlebars.registerHelper("procent", (Object value, Options options) ->
                value instanceof Number number ? dutchNumber(Math.round(number.doubleValue())) + "%" : "geen score");
        handlebars.registerHelper("concat", (Object first, Options options) -> {
            StringBuilder text = new StringBuilder(String.valueOf(first));
            for (Object param : options.params) {
                text.append(param);
            }
            return text.toString();
        });
        handlebars.registerHelper("static", (Object file, Options options) -> StaticFiles.url(String.valueOf(file)));
        handlebars.registerHelper("punten", (Object value, Options options) ->
                value instanceof Number number ? (number.doubleValue() > 0 ? "+" : "") + dutchNumber(number) : "–");
        return handlebars;
    }

    /** 75.0 → "75", 12.5 → "12,5": Dutch decimal comma, no needless decimals. */
    static String dutchNumber(Number number) {
        NumberFormat format = NumberFormat.getNumberInstance(DUTCH);
        format.setMaximumFractionDigits(1);
        return format.format(number);
    }
}
