package nl.quickscan.benchmark;

import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.scoring.Statistics;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one round: per gemeente its scores (submitted scans only), per bouwsteen and in total the
 * regio's n, mean, median, minimum and maximum. One pass over the answers; plain Java.
 */
public final class Benchmark {

    /**
     * A gemeente of the round; {@code result} is null unless its scan is submitted; {@code imported} when its scan came
     * in as an earlier measurement's file (nl.quickscan.imports) rather than filled in in the app.
     */
    public record Entry(String cbsCode, String name, ScanRow.Status status, Double progress, Scoring.Result result,
                        boolean imported) {
        /** The state as pages and reports show it: "Bezig (40%)", "Ingediend (geïmporteerd)", "Niet gestart". */
        public String statusLabel() {
            if (status == ScanRow.Status.IN_PROGRESS && progress != null) {
                return status.label() + " (" + DutchFormat.percent(progress) + ")";
            }
            return imported ? status.label() + " (geïmporteerd)" : status.label();
        }

        public Double total() {
            return result == null ? null : result.total();
        }

        public Map<String, Double> scores() {
            Map<String, Double> scores = new LinkedHashMap<>();
            if (result != null) {
                result.bouwstenen().forEach(b -> scores.put(b.key(), b.score()));
            }
            return scores;
        }
    }

    /** n = number of submitted scans with a score; the other fields are null when n is 0. */
    public record Stats(int n, Double mean, Double median, Double min, Double max) {
        static Stats of(List<Double> values) {
            if (values.isEmpty()) {
                return new Stats(0, null, null, null, null);
            }
            return new Stats(values.size(), Statistics.mean(values), Statistics.median(values),
                    values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
    }

    public record BouwsteenStats(String key, String title, Stats stats) {
    }

    public record Result(List<Entry> gemeenten, List<BouwsteenStats> bouwstenen, Stats total) {
    }

    /** What the benchmark needs of each gemeente: its name, the state of its scan and its answers. */
    public record Input(String cbsCode, String name, ScanRow.Status status, Double progress, Map<String, String> values,
                        boolean imported) {
    }

    private Benchmark() {
    }

    public static Result of(Survey survey, List<Input> gemeenten) {
        List<Entry> entries = new ArrayList<>();
        for (Input input : gemeenten) {
            entries.add(new Entry(input.cbsCode(), input.name(), input.status(), input.progress(),
                    input.status() == ScanRow.Status.SUBMITTED ? Scoring.score(survey, input.values()) : null, input.imported()));
        }
        return of(survey, entries);
    }

    /** The statistics over entries already scored, for example several rounds together. */
    public static Result of(Survey survey, java.util.Collection<Entry> scored) {
        List<Entry> entries = List.copyOf(scored);
        List<BouwsteenStats> bouwstenen = new ArrayList<>();
        for (int i = 0; i < survey.bouwstenen().size(); i++) {
            int index = i;
            List<Double> scores = entries.stream().filter(e -> e.result() != null)
                    .map(e -> e.result().bouwstenen().get(index).score()).filter(s -> s != null).toList();
            Survey.Bouwsteen bouwsteen = survey.bouwstenen().get(i);
            bouwstenen.add(new BouwsteenStats(bouwsteen.key(), bouwsteen.title(), Stats.of(scores)));
        }
        Stats total = Stats.of(entries.stream().map(Entry::total).filter(t -> t != null).toList());
        return new Result(entries, List.copyOf(bouwstenen), total);
    }
}
