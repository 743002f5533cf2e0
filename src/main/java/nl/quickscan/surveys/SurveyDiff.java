package nl.quickscan.surveys;

import nl.quickscan.text.DutchFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed from one survey version to the next, for the beheerder to check before publishing: statements and
 * kengetallen added, removed, replaced (a new key that names the old one in {@code replaces}) and changed (same key,
 * other text, options, weight, …), and changes to the levels, the bouwstenen and the survey's title and introduction.
 * A statement is matched with its counterpart by the same rule as the comparison of two rounds
 * ({@link Survey.Question#counterpartIn}). Plain Java.
 */
public record SurveyDiff(List<Change> survey, List<Item> added, List<Item> removed, List<Replaced> replaced,
                         List<Changed> changed, List<Change> levels, List<Change> bouwstenen) {

    /** One field that differs; before or after empty when the thing is new or gone. */
    public record Change(String what, String before, String after) {
    }

    /** A statement or kengetal: its key, text and the bouwsteen it is in ("Kengetallen" for a kengetal). */
    public record Item(String key, String text, String bouwsteen) {
    }

    /** A statement that takes the place of an earlier one, with what differs between the two. */
    public record Replaced(Item before, Item after, List<Change> changes) {
    }

    /** A statement kept under its key, with the fields that differ. */
    public record Changed(Item item, List<Change> changes) {
    }

    public boolean empty() {
        return survey.isEmpty() && added.isEmpty() && removed.isEmpty() && replaced.isEmpty() && changed.isEmpty()
                && levels.isEmpty() && bouwstenen.isEmpty();
    }

    public static SurveyDiff between(Survey before, Survey after) {
        List<Change> survey = new ArrayList<>();
        compare(survey, "Titel", before.title(), after.title());
        compare(survey, "Inleiding", before.introduction(), after.introduction());

        Map<String, Placed> earlier = placed(before);
        Set<String> continued = new LinkedHashSet<>();
        List<Item> added = new ArrayList<>();
        List<Replaced> replaced = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (Placed now : placed(after).values()) {
            Placed then = now.question().counterpartIn(earlier);
            if (then == null) {
                added.add(now.item());
                continue;
            }
            continued.add(then.question().key());
            List<Change> changes = changes(then, now);
            if (!then.question().key().equals(now.question().key())) {
                replaced.add(new Replaced(then.item(), now.item(), changes));
            } else if (!changes.isEmpty()) {
                changed.add(new Changed(now.item(), changes));
            }
        }
        List<Item> removed = earlier.values().stream().filter(then -> !continued.contains(then.question().key()))
                .map(Placed::item).toList();
        return new SurveyDiff(survey, added, removed, replaced, changed, levels(before, after), bouwstenen(before, after));
    }

    /** A question with the title of the bouwsteen it is in. */
    private record Placed(Survey.Question question, String bouwsteen) {
        Item item() {
            return new Item(question.key(), question.text(), bouwsteen);
        }
    }

    private static Map<String, Placed> placed(Survey survey) {
        Map<String, Placed> byKey = new LinkedHashMap<>();
        survey.bouwstenen().forEach(b -> b.questions().forEach(q -> byKey.put(q.key(), new Placed(q, b.title()))));
        survey.kengetallen().forEach(q -> byKey.put(q.key(), new Placed(q, "Kengetallen")));
        return byKey;
    }

    private static List<Change> changes(Placed then, Placed now) {
        Survey.Question a = then.question();
        Survey.Question b = now.question();
        List<Change> changes = new ArrayList<>();
        compare(changes, "Bouwsteen", then.bouwsteen(), now.bouwsteen());
        compare(changes, "Thema", a.theme(), b.theme());
        compare(changes, "Tekst", a.text(), b.text());
        compare(changes, "Uitleg", a.help(), b.help());
        compare(changes, "Aanbeveling", a.recommendation(), b.recommendation());
        compare(changes, "Aanbeveling bij een deels goed antwoord", a.recommendationNext(), b.recommendationNext());
        compare(changes, "Telt mee in de score", a.scored() ? "ja" : "nee", b.scored() ? "ja" : "nee");
        compare(changes, "Vervolgvraag bij", a.followUpOf(), b.followUpOf());
        compare(changes, "Soort vraag", a.type().code(), b.type().code());
        compare(changes, "Antwoorden", options(a), options(b));
        compare(changes, "Gewicht", exact(a.weight()),
                exact(b.weight()));
        compare(changes, "Verplicht", a.required() ? "ja" : "nee", b.required() ? "ja" : "nee");
        compare(changes, "Wie antwoordt", a.scope().code(), b.scope().code());
        compare(changes, "Eenheid", a.unit(), b.unit());
        compare(changes, "Bron", sources(a), sources(b));
        return changes;
    }

    /** Every source of the question, one after the other. */
    private static String sources(Survey.Question question) {
        return String.join(" · ", question.sources().stream().map(Survey.Source::label).toList());
    }

    /** The answer options as one line: label and points ("Ja (1) · Nee (0) · Niet van toepassing (telt niet mee)"). */
    private static String options(Survey.Question question) {
        return String.join(" · ", question.options().stream().map(option -> option.label() + " ("
                + (option.points() == null ? "telt niet mee" : option.points() + (option.points() == 1 ? " punt" : " punten"))
                + (option.requiresComment() ? ", met toelichting" : "") + ")").toList());
    }

    private static List<Change> levels(Survey before, Survey after) {
        List<Change> changes = new ArrayList<>();
        int count = Math.max(before.levels().size(), after.levels().size());
        for (int i = 0; i < count; i++) {
            String then = i < before.levels().size() ? level(before.levels().get(i)) : "";
            String now = i < after.levels().size() ? level(after.levels().get(i)) : "";
            compare(changes, "Niveau " + (i + 1), then, now);
        }
        return changes;
    }

    private static String level(Survey.Level level) {
        return level.label() + " (vanaf " + exact(level.min()) + "%): "
                + level.description();
    }

    private static List<Change> bouwstenen(Survey before, Survey after) {
        Map<String, Survey.Bouwsteen> earlier = new LinkedHashMap<>();
        before.bouwstenen().forEach(b -> earlier.put(b.key(), b));
        List<Change> changes = new ArrayList<>();
        for (Survey.Bouwsteen now : after.bouwstenen()) {
            Survey.Bouwsteen then = earlier.remove(now.key());
            compare(changes, now.title(), then == null ? "" : bouwsteen(then), bouwsteen(now));
        }
        earlier.values().forEach(then -> changes.add(new Change(then.title(), bouwsteen(then), "")));
        return changes;
    }

    private static String bouwsteen(Survey.Bouwsteen bouwsteen) {
        return bouwsteen.title() + " (gewicht " + exact(bouwsteen.weight())
                + (bouwsteen.themes().isEmpty() ? "" : "; thema's: " + String.join(", ",
                bouwsteen.themes().stream().map(Survey.Theme::title).toList())) + "): " + bouwsteen.description();
    }

    /** Weights and minimums as written (0.25 stays "0,25"). */
    private static String exact(double value) {
        return DutchFormat.exact(java.math.BigDecimal.valueOf(value).stripTrailingZeros());
    }

    private static void compare(List<Change> changes, String what, String before, String after) {
        String then = before == null ? "" : before;
        String now = after == null ? "" : after;
        if (!Objects.equals(then, now)) {
            changes.add(new Change(what, then, now));
        }
    }
}
