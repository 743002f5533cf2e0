package nl.quickscan.demo;

import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.scans.AnswerRules;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.Survey.AnswerOption;
import nl.quickscan.surveys.Survey.Question;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Made-up but plausible answers to any survey version, for the demo data and the benchmark's synthetic data: a
 * gemeente (or the regio) answers its statements around a level of its own, now and then "Weet ik niet" or, where
 * the statement offers it, "Niet van toepassing"; follow-up lists are answered where their statement found
 * something; toelichtingen of one to three sentences for about half the answers; kengetallen in proportion to the
 * gemeente's number of inhabitants. The same {@link Random} gives the same answers. Plain Java.
 */
public final class SampleAnswers {

    private static final String[] FRAGMENTS = {
            "Besproken in het regionaal overleg.",
            "De afspraken staan in het plan van aanpak.",
            "Loopt via de centrumgemeente; wij sluiten aan bij de werkgroep.",
            "Nog niet opgepakt door capaciteitsgebrek, staat op de planning voor volgend jaar.",
            "Samen met Veilig Thuis en de GGD uitgewerkt.",
            "De wijkteams zijn getraind, de huisartsen nog niet.",
            "Er is een convenant met politie en OM, maar het wordt niet overal gebruikt.",
            "Het CSG is bekend bij de professionals in onze gemeente.",
            "Voor jongeren loopt een pilot op twee scholen.",
            "Navragen bij de collega van jeugd.",
            "Geborgd in het beleidsplan sociaal domein 2025–2028.",
            "Evaluatie volgt na de zomer."};

    /** The highest level of {@link #answers}: 0 answers mostly "Nee, (nog) niet", 3 mostly "volledig en geborgd". */
    public static final int TOP_LEVEL = 3;

    private SampleAnswers() {
    }

    /**
     * Answers to the statements of {@code scope} (with their follow-ups) around {@code level} (0 to
     * {@value #TOP_LEVEL}; higher counts as the top), and, for a gemeente, the kengetallen for {@code inhabitants}.
     */
    public static List<AnswerRepository.Write> answers(Random random, Survey survey, Survey.Scope scope, int level,
                                                       int inhabitants) {
        List<AnswerRepository.Write> writes = new ArrayList<>();
        Map<String, String> given = new HashMap<>();
        survey.questions().filter(question -> question.scope() == scope).forEach(question -> {
            String value = question.followUpOf() == null ? value(random, question, level)
                    : followUp(random, question, survey, given.get(question.followUpOf()));
            if (value != null) {
                given.put(question.key(), value);
                writes.add(new AnswerRepository.Write(question.key(), value, comment(random, question, value), null));
            }
        });
        if (scope == Survey.Scope.GEMEENTE) {
            survey.kengetallen().forEach(question -> writes.add(new AnswerRepository.Write(question.key(),
                    kengetal(random, question, inhabitants), null, null)));
        }
        return writes;
    }

    /** One sentence such as a beleidsadviseur writes in a toelichting or a progress note. */
    public static String sentence(Random random) {
        return FRAGMENTS[random.nextInt(FRAGMENTS.length)];
    }

    /** One to three sentences. */
    public static String sentences(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            text.append(text.isEmpty() ? "" : " ").append(sentence(random));
        }
        return text.toString();
    }

    /** Mostly around the level; sometimes "weet ik niet", now and then "niet van toepassing" where offered. */
    private static String value(Random random, Question question, int level) {
        if (question.type() == Survey.QuestionType.TEXT) {
            return sentences(random);
        }
        if (!question.scored()) {
            return question.options().get(random.nextInt(question.options().size())).value();
        }
        int roll = random.nextInt(40);
        if (roll < 2) {
            String uncertain = first(question, AnswerOption::uncertain);
            if (uncertain != null) {
                return uncertain;
            }
        }
        if (roll == 2) {
            String notApplicable = first(question, AnswerOption::notApplicable);
            if (notApplicable != null) {
                return notApplicable;
            }
        }
        double wanted = Math.max(0, Math.min(TOP_LEVEL, level + random.nextInt(3) - 1)) / (double) TOP_LEVEL;
        List<AnswerOption> scale = question.options().stream()
                .filter(option -> option.points() != null && !option.uncertain() && !option.notApplicable())
                .sorted(Comparator.comparing(AnswerOption::points)).toList();
        int max = scale.get(scale.size() - 1).points();
        return scale.stream().min(Comparator.comparing(option -> Math.abs(option.points() / (double) max - wanted)))
                .orElseThrow().value();
    }

    /**
     * A follow-up list is answered, most of the time, where its statement found something (more than 0 points):
     * one to three of its options.
     */
    private static String followUp(Random random, Question question, Survey survey, String statementValue) {
        Question statement = survey.questions().filter(q -> q.key().equals(question.followUpOf())).findFirst().orElseThrow();
        // "Niet van toepassing" has no points: no list then either.
        Integer points = statement.options().stream().filter(option -> option.value().equals(statementValue))
                .findFirst().map(AnswerOption::points).orElse(null);
        if (points == null || points == 0 || random.nextInt(4) == 0) {
            return null;
        }
        if (question.type() != Survey.QuestionType.MULTIPLE_CHOICE) {
            return question.options().get(random.nextInt(question.options().size())).value();
        }
        List<String> chosen = new ArrayList<>();
        int wanted = 1 + random.nextInt(Math.min(3, question.options().size()));
        for (AnswerOption option : question.options()) {
            if (chosen.size() < wanted && random.nextInt(question.options().size()) < wanted + 1) {
                chosen.add(option.value());
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(question.options().get(0).value());
        }
        return String.join(AnswerRules.MULTIPLE_SEPARATOR, chosen);
    }

    private static String first(Question question, Predicate<AnswerOption> kind) {
        return question.options().stream().filter(kind).map(AnswerOption::value).findFirst().orElse(null);
    }

    /** A toelichting for about half the answers, and always where the answer needs one. */
    private static String comment(Random random, Question question, String value) {
        boolean needed = question.options().stream()
                .anyMatch(option -> option.value().equals(value) && option.requiresComment());
        if (!needed && (question.followUpOf() != null || random.nextBoolean())) {
            return null;
        }
        return sentences(random);
    }

    /**
     * A kengetal as stored, in proportion to the inhabitants with a spread per gemeente: the CBS figure itself (a
     * fifth of it for the young), 0,1 to 0,3 fte and 5,000 to 25,000 euro per 10,000 inhabitants, 1 to 16
     * meldingen, misdrijven or trained professionals per 10,000; of a choice (centrumgemeente vrouwenopvang or not:
     * 35 of 342 gemeenten are) the first option for one gemeente in ten, the last for the others.
     */
    private static String kengetal(Random random, Question question, int inhabitants) {
        if (question.type() != Survey.QuestionType.NUMBER) {
            List<AnswerOption> options = question.options();
            return options.get(random.nextInt(10) == 0 ? 0 : options.size() - 1).value();
        }
        double tenThousands = inhabitants / 10_000.0;
        String unit = question.unit() == null ? "" : question.unit();
        if (unit.startsWith("inwoners van")) {
            return Long.toString(Math.round(inhabitants * (0.17 + random.nextDouble() * 0.06)));
        }
        return switch (unit) {
            case "inwoners" -> Integer.toString(inhabitants);
            case "fte" -> BigDecimal.valueOf(tenThousands * (0.1 + random.nextDouble() * 0.2))
                    .setScale(1, RoundingMode.HALF_UP).toPlainString();
            case "euro per jaar" -> Long.toString(Math.round(tenThousands * (5_000 + random.nextDouble() * 20_000) / 100) * 100);
            default -> Long.toString(Math.round(tenThousands * (1 + random.nextDouble() * 15)));
        };
    }
}
