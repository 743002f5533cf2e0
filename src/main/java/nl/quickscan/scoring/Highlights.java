package nl.quickscan.scoring;

import java.util.Comparator;
import java.util.List;

/**
 * What the results page picks out of a scan's statements. Only real answers rank: a "Weet ik niet" scores 0
 * points but says nothing about the approach, so it is listed apart, per bouwsteen, as still to be found out;
 * an unanswered statement ranks nowhere. A statement at full points is no weak point, one at 0 points no strong
 * point. Ties keep the survey's order. Plain Java.
 */
public record Highlights(List<Scoring.QuestionScore> strongest, List<Scoring.QuestionScore> weakest,
                         List<ToFindOut> toFindOut) {

    /** How many strongest and weakest points the results page and the gemeenterapport show. */
    public static final int SHOWN = 3;

    /** The statements of one bouwsteen answered with "Weet ik niet". */
    public record ToFindOut(String bouwsteenTitle, List<Scoring.QuestionScore> questions) {
    }

    public static Highlights of(Scoring.Result result, int shown) {
        List<Scoring.QuestionScore> answered = result.questions().stream().filter(Highlights::ranks).toList();
        Comparator<Scoring.QuestionScore> byFraction = Comparator.comparingDouble(Scoring.QuestionScore::fraction);
        return new Highlights(
                answered.stream().filter(q -> q.fraction() > 0).sorted(byFraction.reversed()).limit(shown).toList(),
                answered.stream().filter(Highlights::recommended).sorted(byFraction).limit(shown).toList(),
                result.bouwstenen().stream().filter(b -> b.unknown() > 0).map(b -> new ToFindOut(b.title(),
                        b.questions().stream().filter(q -> q.state() == Scoring.State.UNKNOWN).toList())).toList());
    }

    /**
     * Whether a statement's recommendation applies: a real answer below the full points. The one rule for which
     * recommendations a gemeente reads: the results page shows the {@code shown} weakest of these (the
     * {@link #weakest()}), the gemeenterapport the same ones as next steps and each beside its statement.
     */
    public static boolean recommended(Scoring.QuestionScore question) {
        return ranks(question) && question.fraction() < 1;
    }

    private static boolean ranks(Scoring.QuestionScore question) {
        return question.state() == Scoring.State.ANSWERED && question.max() > 0;
    }

    public int toFindOutCount() {
        return toFindOut.stream().mapToInt(group -> group.questions().size()).sum();
    }
}
