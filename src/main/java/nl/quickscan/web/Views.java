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
import nl.quickscan.text.DutchFormat;
import nl.quickscan.text.Html;
import nl.quickscan.text.Slug;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Handlebars engine. The views module's own factory builds one without a template cache, which would compile
 * every template on every request; this one compiles each template once, and escapes output with {@link Html}.
 * Numbers and dates are formatted by {@link DutchFormat}, as in the reports.
 */
@Factory
public class Views {

    @Singleton
    @Replaces(bean = Handlebars.class, factory = HandlebarsFactory.class)
    Handlebars handlebars(List<PageLimits> pageLimits) {
        Handlebars handlebars = new Handlebars(new ClassPathTemplateLoader("/", ".hbs"))
                .with(new ConcurrentMapTemplateCache())
                .with(Html::escape);
        handlebars.registerHelpers(ConditionalHelpers.class);
        // {{defaultIfEmpty id name}}: a partial's optional parameter with a default.
        handlebars.registerHelper("defaultIfEmpty", StringHelpers.defaultIfEmpty);
        handlebars.registerHelper("lower", StringHelpers.lower);
        handlebars.registerHelper("datetime", (Object value, Options options) ->
                value instanceof Instant instant ? DutchFormat.dateTime(instant) : "");
        handlebars.registerHelper("datum", (Object value, Options options) ->
                value instanceof LocalDate date ? DutchFormat.date(date) : "");
        handlebars.registerHelper("getal", (Object value, Options options) ->
                value instanceof Number number ? DutchFormat.number(number) : "");
        handlebars.registerHelper("procent", (Object value, Options options) ->
                DutchFormat.percent(value instanceof Number number ? number : null));
        // {{aantal n "gemeente" "gemeenten"}}: "1 gemeente", "6 gemeenten".
        handlebars.registerHelper("aantal", (Object value, Options options) -> DutchFormat.count(
                value instanceof Number number ? number.longValue() : 0, options.param(0), options.param(1)));
        handlebars.registerHelper("punten", (Object value, Options options) ->
                DutchFormat.points(value instanceof Number number ? number : null));
        handlebars.registerHelper("concat", (Object first, Options options) -> {
            StringBuilder text = new StringBuilder(String.valueOf(first));
            for (Object param : options.params) {
                text.append(param);
            }
            return text.toString();
        });
        // {{slug caption}}: an HTML id made from a text, such as a table's caption.
        handlebars.registerHelper("slug", (Object text, Options options) -> Slug.of(String.valueOf(text)));
        handlebars.registerHelper("static", (Object file, Options options) -> StaticFiles.url(String.valueOf(file)));
        Map<String, Integer> limits = limits(pageLimits);
        handlebars.registerHelper("limit", (Object name, Options options) -> {
            Integer limit = limits.get(String.valueOf(name));
            if (limit == null) {
                throw new IllegalArgumentException("No page limit named " + name + "; known: " + limits.keySet());
            }
            return limit;
        });
        return handlebars;
    }

    private static Map<String, Integer> limits(List<PageLimits> pageLimits) {
        Map<String, Integer> limits = new HashMap<>();
        for (PageLimits feature : pageLimits) {
            feature.limits().forEach((name, limit) -> {
                if (limits.putIfAbsent(name, limit) != null) {
                    throw new IllegalStateException("Two page limits named " + name);
                }
            });
        }
        return Map.copyOf(limits);
    }
}
