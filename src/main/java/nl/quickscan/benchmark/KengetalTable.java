package nl.quickscan.benchmark;

import nl.quickscan.text.DutchFormat;

import java.util.List;

/**
 * A kengetal on the round's dashboard: per gemeente its value and its value per 10,000 inhabitants, then the regio's
 * medians, as text ("–" where a figure is missing; a value of 0 is a figure, which Handlebars' #if would hide).
 */
record KengetalTable(String title, String valueHeader, List<Row> rows, String median, String medianPer10000) {

    record Row(String name, String value, String per10000) {
    }

    /** The tables of a round; none while no scan is submitted, so the page says that instead. */
    static List<KengetalTable> of(List<Kengetallen.Kengetal> kengetallen) {
        return kengetallen.stream().filter(k -> !k.gemeenten().isEmpty()).map(KengetalTable::of).toList();
    }

    private static KengetalTable of(Kengetallen.Kengetal kengetal) {
        return new KengetalTable(kengetal.title(),
                kengetal.unit() == null || kengetal.unit().isBlank() ? "Waarde" : "Waarde (" + kengetal.unit() + ")",
                kengetal.gemeenten().stream().map(g -> new Row(g.name(), figure(g.value()), figure(g.per10000()))).toList(),
                figure(kengetal.median()), figure(kengetal.medianPer10000()));
    }

    private static String figure(Double value) {
        return value == null ? DutchFormat.NONE : DutchFormat.number(value);
    }
}
