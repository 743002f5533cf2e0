package nl.quickscan.scoring;

import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * A level of the survey as a band of the 0–100 % scale, from its threshold to the next one: the bands behind
 * the bars and the ranges beside the level descriptions. Plain Java.
 */
public record LevelBand(Survey.Level level, double from, double to, boolean first, boolean last) {

    public static List<LevelBand> of(Survey survey) {
        List<Survey.Level> levels = survey.levels();
        List<LevelBand> bands = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            bands.add(new LevelBand(levels.get(i), levels.get(i).min(),
                    i + 1 < levels.size() ? levels.get(i + 1).min() : 100, i == 0, i + 1 == levels.size()));
        }
        return List.copyOf(bands);
    }

    /** Which scores the level holds, as a sentence says it: "minder dan 25%", "25% tot 50%", "75% of meer". */
    public String range() {
        if (first && last) {
            return "elke score";
        }
        if (first) {
            return "minder dan " + DutchFormat.percent(to);
        }
        return last ? DutchFormat.percent(from) + " of meer" : DutchFormat.percent(from) + " tot " + DutchFormat.percent(to);
    }
}
