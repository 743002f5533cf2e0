package nl.quickscan.scoring;

import jakarta.inject.Singleton;
import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.scans.AnswerRow;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.scans.RegioAnswers;
import nl.quickscan.scans.ScanService;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gathers what the scoring engine needs for a scan, its nulmeting and its regio; computes nothing itself. */
@Singleton
public class Results {

    /** A bouwsteen's score beside the banded mean and median of {@code n} other gemeenten of the regio. */
    public record Position(String key, String title, Double own, double mean, double median, int n) {

        /**
         * Per bouwsteen the gemeente's score beside the mean and median of the other gemeenten's submitted scans,
         * as far as {@link SharedFigures} allows them (closed round, at least 5 scores, rounded to 5 percent);
         * a bouwsteen without enough scores is left out. The own scan is never among {@code others}: with its
         * own score in the figures, a gemeente could work out the others' scores.
         */
        public static List<Position> of(Scoring.Result own, List<Scoring.Result> others, LocalDate closes, LocalDate today) {
            List<Position> positions = new ArrayList<>();
            for (int i = 0; i < own.bouwstenen().size(); i++) {
                int index = i;
                List<Double> scores = others.stream().map(r -> r.bouwstenen().get(index).score()).filter(s -> s != null).toList();
                Scoring.BouwsteenScore bouwsteen = own.bouwstenen().get(i);
                SharedFigures.of(scores, closes, today).ifPresent(figures -> positions.add(new Position(bouwsteen.key(),
                        bouwsteen.title(), bouwsteen.score(), figures.mean(), figures.median(), figures.n())));
            }
            return List.copyOf(positions);
        }
    }

    public record ScanScores(ScanService.ScanView view, Scoring.Result result, List<Position> position) {
    }

    public record ScanComparison(ScanService.ScanView current, ScanService.ScanView baseline, Comparison.Result result) {
        public String valueBefore(Comparison.QuestionChange change) {
            return change.before() == null ? null : value(baseline, change.before().question().key());
        }

        public String valueAfter(Comparison.QuestionChange change) {
            return change.after() == null ? null : value(current, change.after().question().key());
        }

        public String labelBefore(Comparison.QuestionChange change) {
            return change.before() == null ? "–" : change.before().question().answerLabel(valueBefore(change));
        }

        public String labelAfter(Comparison.QuestionChange change) {
            return change.after() == null ? "–" : change.after().question().answerLabel(valueAfter(change));
        }
    }

    private final ScanService scans;
    private final AnswerRepository answers;
    private final Clock clock;

    Results(ScanService scans, AnswerRepository answers, Clock clock) {
        this.clock = clock;
        this.scans = scans;
        this.answers = answers;
    }

    public static Map<String, String> values(ScanService.ScanView view) {
        Map<String, String> values = new HashMap<>();
        view.answers().forEach((key, answer) -> values.put(key, answer.answerValue()));
        return values;
    }

    public ScanScores scores(TenantScope scope, long scanId) {
        ScanService.ScanView view = gemeenteScan(scope, scanId);
        Scoring.Result result = Scoring.score(view.survey(), values(view));
        return new ScanScores(view, result, position(view, result));
    }

    public Optional<ScanComparison> comparison(TenantScope scope, long scanId) {
        ScanService.ScanView current = gemeenteScan(scope, scanId);
        return scans.baselineScanId(scope, current).map(baselineId -> {
            ScanService.ScanView baseline = scans.view(scope, baselineId);
            return new ScanComparison(current, baseline,
                    Comparison.compare(baseline.survey(), values(baseline), current.survey(), values(current)));
        });
    }

    /**
     * A gemeente's scan with the regio's answers merged in; the regio's own scan has no score of its own (its answers
     * count in each gemeente's), so it is not found here.
     */
    private ScanService.ScanView gemeenteScan(TenantScope scope, long scanId) {
        ScanService.ScanView view = scans.view(scope, scanId);
        if (view.scan().regioPart()) {
            throw new NotFoundException("scores");
        }
        return view;
    }

    public boolean hasBaseline(TenantScope scope, ScanService.ScanView view) {
        return scans.baselineScanId(scope, view).isPresent();
    }

    /** The other gemeenten's submitted scans of the round, scored: never the gemeente's own (see {@link Position}). */
    private List<Position> position(ScanService.ScanView view, Scoring.Result own) {
        long roundId = view.scan().roundId();
        RegioAnswers.RoundValues round = RegioAnswers.RoundValues.of(view.survey(),
                answers.ofSubmittedScansOfRound(roundId), answers.ofRegioPartOfRound(roundId));
        List<Scoring.Result> others = round.own().keySet().stream().filter(scanId -> scanId != view.scan().id())
                .map(scanId -> Scoring.score(view.survey(), round.of(scanId))).toList();
        return Position.of(own, others, view.scan().closes(), LocalDate.now(clock));
    }

    private static String value(ScanService.ScanView view, String key) {
        AnswerRow answer = view.answers().get(key);
        return answer == null ? null : answer.answerValue();
    }

}
