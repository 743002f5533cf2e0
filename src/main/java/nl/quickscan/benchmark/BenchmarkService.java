package nl.quickscan.benchmark;

import io.micronaut.core.annotation.Nullable;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.AccountRow;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.Role;
import jakarta.inject.Singleton;
import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.Progress;
import nl.quickscan.scans.RegioAnswers;
import nl.quickscan.scans.RoundAnswer;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.scans.ScanRepository;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.SharedFigures;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;

import nl.quickscan.text.NaturalOrder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a round's gemeenten, scans and answers with three queries and hands them to {@link Benchmark}; the national
 * overview reads the gemeenten once for all rounds.
 */
@Singleton
public class BenchmarkService {

    /**
     * A round's figures; {@code comments} holds per CBS code the toelichtingen given, by question key;
     * {@code kengetallen} the submitted scans' kengetallen in context.
     */
    /** {@code regioAnswers}: the answers of the round's regio scan by question key (empty without one). */
    public record RoundBenchmark(Meetronde round, Survey survey, Benchmark.Result result, Map<String, Long> scanIds,
                                 Map<String, Map<String, String>> comments, List<Kengetallen.Kengetal> kengetallen,
                                 Map<String, RoundAnswer> regioAnswers) {

        public RoundBenchmark(Meetronde round, Survey survey, Benchmark.Result result, Map<String, Long> scanIds,
                              Map<String, Map<String, String>> comments, List<Kengetallen.Kengetal> kengetallen) {
            this(round, survey, result, scanIds, comments, kengetallen, Map.of());
        }

        public String comment(String cbsCode, String questionKey) {
            return comments.getOrDefault(cbsCode, Map.of()).getOrDefault(questionKey, "");
        }
    }

    private final RoundRepository rounds;
    private final ScanRepository scans;
    private final AnswerRepository answers;
    private final GemeenteRepository gemeenten;
    private final SurveyCatalog surveys;
    private final RegioRepository regios;
    private final AccountRepository accounts;
    private final Clock clock;

    BenchmarkService(RoundRepository rounds, ScanRepository scans, AnswerRepository answers,
                     GemeenteRepository gemeenten, SurveyCatalog surveys, RegioRepository regios,
                     AccountRepository accounts, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.regios = regios;
        this.rounds = rounds;
        this.scans = scans;
        this.answers = answers;
        this.gemeenten = gemeenten;
        this.surveys = surveys;
    }

    /** A bouwsteen's mean in the national overview; null where it may not be shown. */
    public record BouwsteenMean(String title, @Nullable Double mean) {
        /** Handlebars' #if takes 0 for false, and a mean of 0 % is a figure, not a missing one. */
        public boolean hasMean() {
            return mean != null;
        }
    }

    /**
     * A round in the national overview: aggregates only, and whether the viewer may open its named figures.
     * For a round outside the viewer's scope the figures follow {@link SharedFigures} (closed round, at least 5
     * scores, rounded to 5 percent); in the viewer's own scope they are exact, as on the round's dashboard.
     */
    public record RoundSummary(Meetronde round, String regioName, int gemeenten, Benchmark.Result result,
                               boolean named, boolean shown, LocalDate today, Survey survey) {
        public Double totalMean() {
            return figure(result.total().mean());
        }

        public Double totalMedian() {
            return figure(result.total().median());
        }

        /** Per bouwsteen the mean, or null where the rule does not allow it (unless named). */
        public List<BouwsteenMean> bouwsteenMeans() {
            return result.bouwstenen().stream().map(b -> new BouwsteenMean(b.title(),
                    named || SharedFigures.allowed(b.stats().n(), round.closes(), today) ? figure(b.stats().mean()) : null))
                    .toList();
        }

        private Double figure(Double value) {
            if (named || value == null) {
                return value;
            }
            return SharedFigures.band(value);
        }
    }

    /**
     * Every round of every regio, as aggregates. The figures of another regio's round are read platform-wide on
     * purpose, but only their aggregates leave this method, and only as {@link SharedFigures} allows; named
     * figures stay behind the viewer's own scope ({@code named}).
     */
    public List<RoundSummary> national(TenantScope viewer) {
        TenantScope platform = TenantScope.platform();
        Map<Long, String> regioNames = new HashMap<>();
        regios.listVisible(platform).forEach(regio -> regioNames.put(regio.id(), regio.name()));
        Map<Long, List<GemeenteRow>> gemeentenByRegio = gemeenten.listVisible(platform).stream()
                .collect(Collectors.groupingBy(GemeenteRow::regioId));
        Set<Long> viewersRounds = rounds.listVisible(viewer).stream().map(Meetronde::id)
                .collect(Collectors.toSet());
        List<RoundSummary> summaries = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (Meetronde round : rounds.listVisible(platform)) {
            RoundBenchmark benchmark = of(platform, round, gemeentenByRegio.getOrDefault(round.regioId(), List.of()));
            boolean named = viewersRounds.contains(round.id());
            summaries.add(new RoundSummary(round, regioNames.get(round.regioId()), benchmark.result().gemeenten().size(),
                    benchmark.result(), named, named || SharedFigures.allowed(benchmark.result().total().n(),
                    round.closes(), today), today, benchmark.survey()));
        }
        summaries.sort(java.util.Comparator.comparing(RoundSummary::regioName, NaturalOrder.INSTANCE)
                .thenComparing(s -> s.round().opens()).thenComparing(s -> s.round().id()));
        return summaries;
    }

    /** Every round the viewer may see, with its figures. */
    public List<RoundBenchmark> allRounds(TenantScope scope) {
        return rounds.listVisible(scope).stream().map(round -> of(scope, round.id())).toList();
    }

    /**
     * National statistics per kind of round, nulmeting first: the submitted scans of all nulmetingen together and
     * of all herhalingen together, never the two pooled (a gemeente would count twice). Within a kind, rounds
     * that use another survey version than the kind's first are left out, since their bouwstenen need not match.
     * A kind without rounds is absent.
     */
    public static Map<Meetronde.Kind, Benchmark.Result> perKind(List<RoundBenchmark> rounds) {
        return perKind(rounds, RoundBenchmark::round, RoundBenchmark::survey, RoundBenchmark::result);
    }

    /** {@link #perKind(List)} over the rounds of the national overview (pass only those whose figures are shown). */
    public static Map<Meetronde.Kind, Benchmark.Result> perKindOfSummaries(List<RoundSummary> rounds) {
        return perKind(rounds, RoundSummary::round, RoundSummary::survey, RoundSummary::result);
    }

    private static <T> Map<Meetronde.Kind, Benchmark.Result> perKind(List<T> rounds, Function<T, Meetronde> roundOf,
                                                                     Function<T, Survey> surveyOf,
                                                                     Function<T, Benchmark.Result> resultOf) {
        Map<Meetronde.Kind, Benchmark.Result> statistics = new java.util.EnumMap<>(Meetronde.Kind.class);
        for (Meetronde.Kind kind : Meetronde.Kind.values()) {
            List<T> ofKind = rounds.stream().filter(r -> roundOf.apply(r).kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            Survey survey = surveyOf.apply(ofKind.get(0));
            List<Benchmark.Entry> entries = ofKind.stream().filter(r -> surveyOf.apply(r).equals(survey))
                    .flatMap(r -> resultOf.apply(r).gemeenten().stream()).toList();
            statistics.put(kind, Benchmark.of(survey, entries));
        }
        return statistics;
    }

    /** For a herhaling: the development since its nulmeting; empty for a nulmeting. */
    public Optional<Development.Result> development(TenantScope scope, RoundBenchmark current) {
        Long baseline = current.round().baselineRoundId();
        if (current.round().kind() != Meetronde.Kind.HERHALING || baseline == null) {
            return Optional.empty();
        }
        return Optional.of(Development.of(of(scope, baseline).result(), current.result(), 5));
    }

    /**
     * The CBS codes of the gemeenten in the viewer's scope that have an active adviser (an account with an open
     * invitation counts: it can log in once the link is used); a deactivated account does not count.
     */
    public Set<String> withActiveAdviser(TenantScope scope) {
        return accounts.listVisible(scope).stream()
                .filter(account -> account.role() == Role.ADVISEUR && account.active() && account.gemeenteCbsCode() != null)
                .map(AccountRow::gemeenteCbsCode).collect(Collectors.toSet());
    }

    public RoundBenchmark of(TenantScope scope, long roundId) {
        Meetronde round = rounds.findVisible(scope, roundId)
                .orElseThrow(() -> new NotFoundException("ronde"));
        return of(scope, round, gemeenten.listVisible(scope).stream().filter(g -> g.regioId() == round.regioId()).toList());
    }

    /** The round's figures from the gemeenten of its regio, which the caller read (once, for many rounds). */
    private RoundBenchmark of(TenantScope scope, Meetronde round, List<GemeenteRow> gemeentenOfRegio) {
        long roundId = round.id();
        Survey survey = surveys.find(round.surveyId(), round.surveyVersion()).orElseThrow();
        Map<Long, ScanRow> scanByGemeente = scans.listVisibleOfRound(scope, roundId).stream()
                .collect(Collectors.toMap(ScanRow::gemeenteId, Function.identity()));
        Map<Long, Map<String, String>> commentsByScan = new HashMap<>();
        List<RoundAnswer> ofGemeenten = answers.ofScansOfRound(roundId);
        // One regio scan per round: read once here, merged into every gemeente's values.
        List<RoundAnswer> ofRegio = RegioAnswers.hasRegioPart(survey) ? answers.ofRegioPartOfRound(roundId) : List.of();
        RegioAnswers.RoundValues valuesByScan = RegioAnswers.RoundValues.of(survey, ofGemeenten, ofRegio);
        for (RoundAnswer answer : ofGemeenten) {
            if (answer.comment() != null && !answer.comment().isBlank()) {
                commentsByScan.computeIfAbsent(answer.scanId(), id -> new HashMap<>()).put(answer.questionKey(), answer.comment());
            }
        }
        Map<String, Map<String, String>> comments = new HashMap<>();
        List<Benchmark.Input> inputs = new ArrayList<>();
        List<Kengetallen.Input> submitted = new ArrayList<>();
        Map<String, Long> scanIds = new HashMap<>();
        for (GemeenteRow gemeente : gemeentenOfRegio) {
            ScanRow scan = scanByGemeente.get(gemeente.id());
            if (scan == null) {
                inputs.add(new Benchmark.Input(gemeente.cbsCode(), gemeente.name(), ScanRow.Status.NOT_STARTED, null, Map.of(), false));
                continue;
            }
            scanIds.put(gemeente.cbsCode(), scan.id());
            Optional.ofNullable(commentsByScan.get(scan.id())).ifPresent(given -> comments.put(gemeente.cbsCode(), given));
            Map<String, String> values = valuesByScan.of(scan.id());
            Map<String, Progress.Answer> forProgress = new HashMap<>();
            values.forEach((key, value) -> forProgress.put(key, new Progress.Answer(value, null)));
            inputs.add(new Benchmark.Input(gemeente.cbsCode(), gemeente.name(), scan.status(),
                    (double) Progress.percent(Progress.of(survey, forProgress)), values, scan.imported()));
            if (scan.status() == ScanRow.Status.SUBMITTED) {
                submitted.add(new Kengetallen.Input(gemeente.cbsCode(), gemeente.name(), gemeente.inhabitants(), values));
            }
        }
        return new RoundBenchmark(round, survey, Benchmark.of(survey, inputs), scanIds, comments,
                Kengetallen.of(survey, submitted), ofRegio.stream().collect(Collectors.toMap(RoundAnswer::questionKey, Function.identity())));
    }
}
