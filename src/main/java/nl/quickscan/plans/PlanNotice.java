package nl.quickscan.plans;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;

/** The confirmation a page of the verbeterplan shows after a change ({@code ?melding=<param>}), as RoundNotice does. */
enum PlanNotice {
    ADDED("toegevoegd", "De actie staat in het verbeterplan."),
    SAVED("opgeslagen", "Actie opgeslagen."),
    NOTE_ADDED("voortgang", "Voortgang toegevoegd.");

    private final String param;
    private final String text;

    PlanNotice(String param, String text) {
        this.param = param;
        this.text = text;
    }

    String query() {
        return "?melding=" + param;
    }

    @Nullable
    static String textOf(@Nullable String param) {
        return Arrays.stream(values()).filter(notice -> notice.param.equals(param)).findFirst()
                .map(notice -> notice.text).orElse(null);
    }
}
