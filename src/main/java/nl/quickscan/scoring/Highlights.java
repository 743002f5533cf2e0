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

    /** The statements of one bouwsteen answered with "Weet ik niet". */
    public record ToFindOut(String bouwsteenTitle, List<Scoring.QuestionScore> questions) {
    }

    public static Highlights of(Scoring.Result result, int shown) {
        List<Scoring.QuestionScore> answered = result.questions().stream()
                .filter(q -> q.state() == Scoring.State.ANSWERED && q.max() > 0).toList();
        Comparator<Scoring.QuestionScore> byFraction = Comparator.comparingDouble(Scoring.QuestionScore::fraction);
        return new Highlights(
                answered.stream().filter(q -> q.fraction() > 0).sorted(byFraction.reversed()).limit(shown).toList(),
                answered.stream().filter(q -> q.fraction() < 1).sorted(byFraction).limit(shown).toList(),
                result.bouwstenen().stream().filter(b -> b.unknown() > 0).map(b -> new ToFindOut(b.title(),
                        b.questions().stream().filter(q -> q.state() == Scoring.State.UNKNOWN).toList())).toList());
    }

    public int toFindOutCount() {
        return toFindOut.stream().mapToInt(group -> group.questions().size()).sum();
    }
}
