package nl.quickscan.benchmark;

import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.LevelBand;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the regiorapport tells the stuurgroep, from a round's figures ({@link Benchmark}, and {@link Development}
 * for a herhaling): how many gemeenten submitted, where the regio stands per bouwsteen, where the gemeenten differ
 * most, what improved and what declined most, and which gemeenten may need support, as short sentences in plain
 * Dutch; and the data of the report's charts. Plain Java.
 * <p>
 * The figures are the regio's own and exact, as on the round's page and in {@code /api/v1/rounds/{id}/benchmark}:
 * the report goes to the regio's coordinator and the beheerder, who see every gemeente by name. {@code SharedFigures}
 * governs figures shown outside the regio, and so does not apply here. While the round is open the figures may still
 * change, and the text says so.
 */
public record RegioSummary(int gemeenten, int submitted, List<Topic> topics, List<Standing> standings, Standing total,
                           List<Distribution> distributions, List<BeforeAfter> beforeAfter) {

    /** How many gemeenten a sentence names before it counts the rest. */
    static final int NAMES = 5;

    /**
     * A part of the summary: a heading, its sentences (one paragraph), and items to show as a list below them (may be
     * none); {@code overview} when the overview chart of the bouwstenen ({@link #overview()}) belongs below it.
     */
    public record Topic(String heading, List<String> sentences, List<String> items, boolean overview) {
        Topic(String heading, List<String> sentences, List<String> items) {
            this(heading, sentences, items, false);
        }
    }

    /** Where the regio stands on a bouwsteen, or in total: the median over {@code n} scores and its level; null when n is 0. */
    public record Standing(String key, String title, int n, Double median, Survey.Level level) {
    }

    /** A gemeente's score on a bouwsteen. */
    public record Point(String cbsCode, String name, double score, Survey.Level level) {
    }

    /** A bouwsteen's distribution chart: each gemeente's score, highest first, and the regio's median (null without scores). */
    public record Distribution(String key, String title, List<Point> gemeenten, Double median) {
        /** The highest score; only with scores. */
        public double highest() {
            return gemeenten.get(0).score();
        }

        /** The lowest score; only with scores. */
        public double lowest() {
            return gemeenten.get(gemeenten.size() - 1).score();
        }

        /** What the chart shows, for a reader who cannot see it. */
        public String description() {
            if (gemeenten.isEmpty()) {
                return title + ": nog geen scores.";
            }
            double highest = highest();
            double lowest = lowest();
            return "Staafdiagram van " + title + ": de score van " + (gemeenten.size() == 1 ? "de ene gemeente"
                    : "elk van de " + DutchFormat.number(gemeenten.size()) + " gemeenten, van hoog naar laag")
                    + ", met de middelste score van de regio (" + DutchFormat.percent(median) + ") als lijn. Het hoogst: "
                    + names(gemeenten.stream().filter(p -> p.score() == highest).map(Point::name).toList()) + " ("
                    + DutchFormat.percent(highest) + "); het laagst: "
                    + names(gemeenten.stream().filter(p -> p.score() == lowest).map(Point::name).toList()) + " ("
                    + DutchFormat.percent(lowest) + ").";
        }
    }

    /** A gemeente's score on a bouwsteen at the nulmeting and at the herhaling. */
    public record Pair(String cbsCode, String name, double before, double after) {
        public double difference() {
            return after - before;
        }
    }

    /**
     * A bouwsteen's before/after chart: the gemeenten that submitted both scans, most improved first, and their mean
     * difference (null without any).
     */
    public record BeforeAfter(String key, String title, List<Pair> gemeenten, Double meanDifference) {
        /** What the chart shows, for a reader who cannot see it. */
        public String description() {
            if (gemeenten.isEmpty()) {
                return title + ": nog geen gemeente heeft beide scans ingediend.";
            }
            long up = gemeenten.stream().filter(p -> p.difference() > 0).count();
            long down = gemeenten.stream().filter(p -> p.difference() < 0).count();
            long same = gemeenten.size() - up - down;
            return "Per gemeente de score op " + title + " bij de nulmeting en bij de herhaling. "
                    + counted(up, "gemeente ging", "gemeenten gingen") + " vooruit, "
                    + counted(down, "gemeente ging", "gemeenten gingen") + " achteruit en "
                    + counted(same, "gemeente bleef", "gemeenten bleven") + " gelijk; gemiddeld "
                    + DutchFormat.points(meanDifference) + " procentpunt.";
        }
    }

    /**
     * What the overview chart shows, for a reader who cannot see it: per bouwsteen the median and its level, and how
     * many gemeenten have a score where not all do.
     */
    public String overview() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < standings.size(); i++) {
            Standing s = standings.get(i);
            lines.add(s.title() + ": " + (s.median() == null ? DutchFormat.NO_SCORE
                    : "middelste score " + DutchFormat.percent(s.median()) + ", " + s.level().label()
                    + ", scores van " + DutchFormat.percent(distributions.get(i).lowest()) + " tot "
                    + DutchFormat.percent(distributions.get(i).highest()))
                    + (s.n() < submitted ? " (" + counted(s.n(), "gemeente", "gemeenten") + " met een score)" : ""));
        }
        return "Per bouwsteen de score van elke gemeente als stip en de middelste score van de regio als streep. "
                + String.join("; ", lines) + ".";
    }

    public static RegioSummary of(BenchmarkService.RoundBenchmark benchmark, Optional<Development.Result> development,
                                  LocalDate today) {
        Survey survey = benchmark.survey();
        Benchmark.Result result = benchmark.result();
        List<Benchmark.Entry> scored = result.gemeenten().stream().filter(e -> e.result() != null).toList();
        List<Standing> standings = result.bouwstenen().stream().map(b -> standing(survey, b.key(), b.title(), b.stats())).toList();
        Standing total = standing(survey, "totaal", "Totaal", result.total());
        List<Distribution> distributions = distributions(result, scored);
        List<BeforeAfter> beforeAfter = development.map(d -> beforeAfter(result, d)).orElse(List.of());

        List<Topic> topics = new ArrayList<>();
        topics.add(participation(benchmark, scored.size(), today));
        if (!scored.isEmpty()) {
            topics.add(standing(standings, total));
            spread(distributions).ifPresent(topics::add);
            development.ifPresent(d -> topics.addAll(development(d)));
            topics.add(support(survey, distributions));
        }
        return new RegioSummary(result.gemeenten().size(), scored.size(), List.copyOf(topics), standings, total,
                distributions, beforeAfter);
    }

    private static Standing standing(Survey survey, String key, String title, Benchmark.Stats stats) {
        return new Standing(key, title, stats.n(), stats.median(),
                stats.median() == null ? null : Scoring.level(survey, stats.median()));
    }

    private static List<Distribution> distributions(Benchmark.Result result, List<Benchmark.Entry> scored) {
        List<Distribution> distributions = new ArrayList<>();
        for (int i = 0; i < result.bouwstenen().size(); i++) {
            Benchmark.BouwsteenStats bouwsteen = result.bouwstenen().get(i);
            List<Point> points = new ArrayList<>();
            for (Benchmark.Entry entry : scored) {
                Scoring.BouwsteenScore score = entry.result().bouwstenen().get(i);
                if (score.hasScore()) {
                    points.add(new Point(entry.cbsCode(), entry.name(), score.score(), score.level()));
                }
            }
            points.sort(Comparator.comparingDouble(Point::score).reversed().thenComparing(Point::name));
            distributions.add(new Distribution(bouwsteen.key(), bouwsteen.title(), List.copyOf(points), bouwsteen.stats().median()));
        }
        return List.copyOf(distributions);
    }

    private static List<BeforeAfter> beforeAfter(Benchmark.Result result, Development.Result development) {
        List<BeforeAfter> charts = new ArrayList<>();
        for (int i = 0; i < development.bouwstenen().size(); i++) {
            Development.BouwsteenDevelopment bouwsteen = development.bouwstenen().get(i);
            List<Pair> pairs = new ArrayList<>();
            for (Development.GemeenteDevelopment gemeente : development.gemeenten()) {
                Development.Change change = gemeente.bouwstenen().get(i);
                if (change.difference() != null) {
                    pairs.add(new Pair(gemeente.cbsCode(), gemeente.name(), change.before(), change.after()));
                }
            }
            pairs.sort(Comparator.comparingDouble(Pair::difference).reversed().thenComparing(Pair::name));
            charts.add(new BeforeAfter(bouwsteen.key(), bouwsteen.title(), List.copyOf(pairs), bouwsteen.meanDifference()));
        }
        return List.copyOf(charts);
    }

    private static Topic participation(BenchmarkService.RoundBenchmark benchmark, int submitted, LocalDate today) {
        List<Benchmark.Entry> gemeenten = benchmark.result().gemeenten();
        List<String> sentences = new ArrayList<>();
        sentences.add(DutchFormat.number(submitted) + " van de " + DutchFormat.number(gemeenten.size()) + " gemeenten "
                + (submitted == 1 ? "heeft" : "hebben") + " de scan ingediend. Alleen ingediende scans tellen mee in de cijfers."
                + (submitted == 0 ? " Er zijn daarom nog geen cijfers." : ""));
        List<String> busy = namesWith(gemeenten, ScanRow.Status.IN_PROGRESS);
        if (!busy.isEmpty()) {
            sentences.add("Nog bezig: " + names(busy) + ".");
        }
        List<String> notStarted = namesWith(gemeenten, ScanRow.Status.NOT_STARTED);
        if (!notStarted.isEmpty()) {
            sentences.add("Nog niet begonnen: " + names(notStarted) + ".");
        }
        if (!today.isAfter(benchmark.round().closes())) {
            sentences.add("De meetronde loopt tot en met " + DutchFormat.date(benchmark.round().closes())
                    + ". Tot dan kunnen de cijfers nog veranderen.");
        }
        return new Topic("Deelname", List.copyOf(sentences), List.of());
    }

    private static List<String> namesWith(List<Benchmark.Entry> gemeenten, ScanRow.Status status) {
        return gemeenten.stream().filter(g -> g.status() == status).map(Benchmark.Entry::name).sorted().toList();
    }

    private static Topic standing(List<Standing> standings, Standing total) {
        List<String> sentences = new ArrayList<>();
        if (total.median() != null) {
            sentences.add("Over alle bouwstenen samen is de middelste totaalscore " + DutchFormat.percent(total.median())
                    + ": niveau " + total.level().label() + ".");
        }
        List<Standing> withMedian = standings.stream().filter(s -> s.median() != null).toList();
        Optional<Standing> strongest = withMedian.stream().max(Comparator.comparingDouble(Standing::median));
        Optional<Standing> weakest = withMedian.stream().min(Comparator.comparingDouble(Standing::median));
        if (strongest.isPresent() && strongest.get().median() > weakest.get().median()) {
            // Two sentences: a title such as "Organiseren en borgen" would blur an "en" between them.
            sentences.add("De regio staat het sterkst op " + strongest.get().title() + ".");
            sentences.add("Het zwakst staat de regio op " + weakest.get().title() + ".");
        }
        sentences.add("Hieronder per bouwsteen de score van elke gemeente als stip, en de middelste score van de regio "
                + "(de mediaan: de helft van de gemeenten scoort hoger, de helft lager) als streep, met het niveau van die score.");
        return new Topic("Waar staat de regio?", List.copyOf(sentences), List.of(), true);
    }

    /** The bouwsteen where the scores lie furthest apart, from two scores on; none when all are equal. */
    private static Optional<Topic> spread(List<Distribution> distributions) {
        Optional<Distribution> widest = distributions.stream().filter(d -> d.gemeenten().size() >= 2)
                .max(Comparator.comparingDouble(RegioSummary::range));
        if (widest.isEmpty()) {
            return Optional.empty();
        }
        Distribution d = widest.get();
        if (range(d) == 0) {
            return Optional.of(new Topic("Verschillen tussen gemeenten",
                    List.of("Op elke bouwsteen hebben de gemeenten dezelfde score."), List.of()));
        }
        Point highest = d.gemeenten().get(0);
        Point lowest = d.gemeenten().get(d.gemeenten().size() - 1);
        return Optional.of(new Topic("Verschillen tussen gemeenten", List.of("De gemeenten verschillen het meest op "
                + d.title() + ": van " + DutchFormat.percent(lowest.score()) + " ("
                + names(d.gemeenten().stream().filter(p -> p.score() == lowest.score()).map(Point::name).toList())
                + ") tot " + DutchFormat.percent(highest.score()) + " ("
                + names(d.gemeenten().stream().filter(p -> p.score() == highest.score()).map(Point::name).toList())
                + ")."), List.of()));
    }

    private static double range(Distribution d) {
        return d.highest() - d.lowest();
    }

    private static List<Topic> development(Development.Result development) {
        int paired = development.gemeenten().size();
        if (paired == 0) {
            return List.of(new Topic("Ontwikkeling sinds de nulmeting", List.of("Nog geen gemeente heeft zowel de "
                    + "nulmeting als deze herhaling ingediend. De ontwikkeling volgt zodra dat zo is."), List.of()));
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(counted(paired, "gemeente heeft", "gemeenten hebben") + " zowel de nulmeting als deze herhaling "
                + "ingediend. Alleen " + (paired == 1 ? "die gemeente telt" : "die gemeenten tellen") + " mee in de ontwikkeling.");
        List<Development.BouwsteenDevelopment> measured = development.bouwstenen().stream()
                .filter(b -> b.meanDifference() != null).toList();
        Comparator<Development.BouwsteenDevelopment> byDifference = Comparator.comparingDouble(Development.BouwsteenDevelopment::meanDifference);
        measured.stream().max(byDifference).filter(b -> b.meanDifference() > 0).ifPresentOrElse(
                b -> sentences.add("Het meest vooruit ging " + b.title() + ": gemiddeld " + DutchFormat.points(b.meanDifference()) + " procentpunt."),
                () -> sentences.add("Geen bouwsteen ging er gemiddeld op vooruit."));
        measured.stream().min(byDifference).filter(b -> b.meanDifference() < 0).ifPresentOrElse(
                b -> sentences.add("Het meest achteruit ging " + b.title() + ": gemiddeld " + DutchFormat.points(b.meanDifference()) + " procentpunt."),
                () -> sentences.add("Geen bouwsteen ging er gemiddeld op achteruit."));
        return List.of(new Topic("Ontwikkeling sinds de nulmeting", List.copyOf(sentences), List.of()),
                statements("Stellingen die het meest verbeterden", development.mostImproved(), "Geen stelling ging er gemiddeld op vooruit."),
                statements("Stellingen die het meest achteruitgingen", development.mostDeclined(), "Geen stelling ging er gemiddeld op achteruit."));
    }

    private static Topic statements(String heading, List<Development.StatementDevelopment> statements, String none) {
        if (statements.isEmpty()) {
            return new Topic(heading, List.of(none), List.of());
        }
        return new Topic(heading, List.of(), statements.stream().map(s -> s.text() + " (gemiddeld "
                + DutchFormat.points(s.meanDifference()) + " procentpunt, " + counted(s.n(), "gemeente", "gemeenten") + ")").toList());
    }

    /**
     * Per bouwsteen the gemeenten in the survey's lowest level, lowest first, or else the lowest one; and the
     * gemeenten in the lowest level on more than one bouwsteen. Every one is named: this is the list to act on.
     */
    private static Topic support(Survey survey, List<Distribution> distributions) {
        LevelBand lowestBand = LevelBand.of(survey).get(0);
        String lowest = lowestBand.level().label();
        List<String> sentences = new ArrayList<>();
        sentences.add("Een gemeente die op een bouwsteen " + lowest + " scoort (" + lowestBand.range()
                + "), kan daar steun gebruiken.");
        Map<String, Integer> lowCounts = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        for (Distribution d : distributions) {
            if (d.gemeenten().isEmpty()) {
                continue;
            }
            List<Point> low = d.gemeenten().stream().filter(p -> p.level().index() == lowestBand.level().index())
                    .sorted(Comparator.comparingDouble(Point::score).thenComparing(Point::name)).toList();
            low.forEach(p -> lowCounts.merge(p.name(), 1, Integer::sum));
            Function<Point, String> withScore = p -> p.name() + " (" + DutchFormat.percent(p.score()) + ")";
            if (low.isEmpty()) {
                Point last = d.gemeenten().get(d.gemeenten().size() - 1);
                items.add(d.title() + ": geen gemeente " + lowest + "; het laagst scoort " + withScore.apply(last) + ".");
            } else {
                items.add(d.title() + ": " + every(low.stream().map(withScore).toList()) + ".");
            }
        }
        List<String> repeated = lowCounts.entrySet().stream().filter(e -> e.getValue() > 1)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " (" + DutchFormat.number(e.getValue()) + " bouwstenen)").toList();
        if (!repeated.isEmpty()) {
            sentences.add("Op meer dan één bouwsteen " + lowest + ": " + every(repeated) + ".");
        }
        return new Topic("Gemeenten die steun kunnen gebruiken", List.copyOf(sentences), List.copyOf(items));
    }

    /** "A", "A en B", "A, B en C"; beyond {@value #NAMES} names the rest is counted: "A, …, E en 3 andere gemeenten". */
    static String names(List<String> names) {
        if (names.size() <= NAMES) {
            return every(names);
        }
        List<String> shown = new ArrayList<>(names.subList(0, NAMES));
        shown.add(counted(names.size() - NAMES, "andere gemeente", "andere gemeenten"));
        return every(shown);
    }

    /** "A", "A en B", "A, B en C". */
    static String every(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " en " + names.get(names.size() - 1);
    }

    /** "1 gemeente", "3 gemeenten". */
    private static String counted(long n, String one, String more) {
        return DutchFormat.number(n) + " " + (n == 1 ? one : more);
    }
}
