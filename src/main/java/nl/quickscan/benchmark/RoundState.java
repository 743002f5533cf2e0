package nl.quickscan.benchmark;

import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.text.DutchFormat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a round stands, as the top of its dashboard says it: whether it is open and for how long, and how many of
 * the regio's gemeenten have submitted, are busy or have not started, in words, in numbers and as the parts of a
 * stacked bar. Plain Java; "today" comes from the app's clock (time/Clocks).
 *
 * @param when    "Nog 12 dagen open, tot en met 12 januari 2027.", "Opent op …", "Gesloten: …"
 * @param summary the counts as one sentence, which also stands for the bar
 * @param parts   the bar's parts, in the order ingediend, bezig, niet gestart (a part of 0 gemeenten included, so
 *                that the legend always names all three)
 */
public record RoundState(Phase phase, String when, int gemeenten, int submitted, int inProgress, int notStarted,
                         String summary, List<Part> parts) {

    public enum Phase { FUTURE, OPEN, CLOSED }

    /**
     * A part of the bar: its status, how many gemeenten, their share as text ("40%"), and where it lies on the bar
     * as SVG percentages ({@code x}, {@code width}: "40.00%"); {@code key} names its colour in the stylesheet.
     */
    public record Part(String key, String label, int count, String share, String x, String width) {
    }

    public static RoundState of(Meetronde round, List<ScanRow.Status> statuses, LocalDate today) {
        int submitted = count(statuses, ScanRow.Status.SUBMITTED);
        int inProgress = count(statuses, ScanRow.Status.IN_PROGRESS);
        int notStarted = count(statuses, ScanRow.Status.NOT_STARTED);
        Phase phase = today.isBefore(round.opens()) ? Phase.FUTURE : today.isAfter(round.closes()) ? Phase.CLOSED : Phase.OPEN;
        int all = statuses.size();
        List<Part> parts = new ArrayList<>();
        double x = 0;
        for (ScanRow.Status status : List.of(ScanRow.Status.SUBMITTED, ScanRow.Status.IN_PROGRESS, ScanRow.Status.NOT_STARTED)) {
            int n = count(statuses, status);
            double width = all == 0 ? 0 : 100.0 * n / all;
            parts.add(new Part(key(status), status.label().toLowerCase(Locale.ROOT), n,
                    all == 0 ? DutchFormat.NONE : DutchFormat.percent(width), svgPercent(x), svgPercent(width)));
            x += width;
        }
        return new RoundState(phase, when(round, phase, today), all, submitted, inProgress, notStarted,
                summary(all, submitted, inProgress, notStarted), List.copyOf(parts));
    }

    /** Something is submitted: there are scores, statistics and reports to show. */
    public boolean anySubmitted() {
        return submitted > 0;
    }

    /** Some gemeente has not submitted yet: there is someone to remind. */
    public boolean anyOutstanding() {
        return submitted < gemeenten;
    }

    /**
     * The days are counted as the adviser's start page counts them: "nog 12 dagen" on 31 December for a round open
     * up to and including 12 January, and on its last day "vandaag is de laatste dag".
     */
    static String when(Meetronde round, Phase phase, LocalDate today) {
        String closes = DutchFormat.date(round.closes());
        return switch (phase) {
            case FUTURE -> {
                long days = ChronoUnit.DAYS.between(today, round.opens());
                yield "Opent op " + DutchFormat.date(round.opens()) + " (" + (days == 1 ? "morgen" : "over " + days + " dagen")
                        + ") en is dan open tot en met " + closes + ".";
            }
            case OPEN -> {
                long days = ChronoUnit.DAYS.between(today, round.closes());
                yield days == 0 ? "Vandaag is de laatste dag: open tot en met " + closes + "."
                        : "Nog " + (days == 1 ? "1 dag" : days + " dagen") + " open, tot en met " + closes + ".";
            }
            case CLOSED -> "Gesloten sinds " + DutchFormat.date(round.closes().plusDays(1)) + ": de meetronde was open tot en met "
                    + closes + ".";
        };
    }

    /** "Nog geen gemeente heeft ingediend. 2 van 10 zijn bezig." or "4 van 10 gemeenten hebben ingediend; …". */
    static String summary(int all, int submitted, int inProgress, int notStarted) {
        if (all == 0) {
            return "Deze regio heeft nog geen gemeenten.";
        }
        if (submitted == all) {
            return all == 1 ? "De gemeente heeft ingediend." : "Alle " + all + " gemeenten hebben ingediend.";
        }
        if (submitted == 0) {
            return "Nog geen gemeente heeft ingediend. " + (inProgress == 0 ? "Er is ook nog geen gemeente begonnen."
                    : inProgress + " van " + all + (inProgress == 1 ? " is" : " zijn") + " bezig.");
        }
        return submitted + " van " + all + " gemeenten " + (submitted == 1 ? "heeft" : "hebben") + " ingediend; "
                + inProgress + (inProgress == 1 ? " is" : " zijn") + " bezig en " + notStarted
                + (notStarted == 1 ? " is" : " zijn") + " nog niet begonnen.";
    }

    private static int count(List<ScanRow.Status> statuses, ScanRow.Status status) {
        return (int) statuses.stream().filter(s -> s == status).count();
    }

    private static String key(ScanRow.Status status) {
        return switch (status) {
            case SUBMITTED -> "submitted";
            case IN_PROGRESS -> "in-progress";
            case NOT_STARTED -> "not-started";
        };
    }

    private static String svgPercent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }
}
