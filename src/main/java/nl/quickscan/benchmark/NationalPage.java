package nl.quickscan.benchmark;

import nl.quickscan.scoring.SharedFigures;

import java.util.List;

/** Every round of every regio, with the figures the viewer may see (see {@link BenchmarkService#national}). */
record NationalPage(String title, List<BenchmarkService.RoundSummary> rounds, String explanation, int minimum) {

    static NationalPage of(List<BenchmarkService.RoundSummary> rounds) {
        return new NationalPage("Landelijk overzicht", rounds, SharedFigures.EXPLANATION, SharedFigures.MIN_SCANS);
    }
}
