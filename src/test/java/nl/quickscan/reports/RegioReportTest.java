package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The regiorapport read back against the benchmark API (the workbooks: {@link WorkbookTest}). */
class RegioReportTest {

    private static final String COORDINATOR = "coordinator.groningen@quickscan.test";

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void reportAndWorkbookShowTheBenchmarksFigures(TestApp app) throws Exception {
        long roundId = Rounds.open(app, COORDINATOR);
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Scans.submitAll(app, survey, roundId, "GM1979", "3");
        Scans.submitAll(app, survey, roundId, "GM0014", "3");
        Scans.submitAll(app, survey, roundId, "GM1966", "2");
        Scans.submitAll(app, survey, roundId, "GM1895", "0");
        Api busy = app.api().login(Fixtures.adviseur(app, "GM1952").email(), Fixtures.PASSWORD);
        Scans.answer(busy, Scans.start(busy, roundId), survey.questions().findFirst().orElseThrow().key(), "3");
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);

        HttpResponse<byte[]> pdf = coordinator.download("/api/v1/rounds/" + roundId + "/benchmark.pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"regiorapport-groningen-nulmeting-"));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("Regiorapport Groningen"));
        assertTrue(text.contains("4 van 10 gemeenten hebben hun scan ingediend"));
        assertTrue(text.contains("Het Hogeland (GM1966) Ingediend 67% Gevorderd"), text);
        assertTrue(text.contains("Stadskanaal (GM0037) Niet gestart"));
        assertTrue(text.contains("Midden-Groningen (GM1952) Bezig (1%)"), "as on the round's page");
        assertTrue(text.contains("Kleur en tekst geven het niveau: Beginnend (rood), In ontwikkeling (oranje), "
                + "Gevorderd (blauw), Geborgd (groen)."), "the legend from the survey's levels");
        assertTrue(text.contains("Totaal 4 67% 83% 0% 100%"), "regio statistics as in the API");

        // The workbooks are read back in WorkbookTest.
        Api drenthe = app.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(404, drenthe.download("/api/v1/rounds/" + roundId + "/benchmark.pdf").statusCode());
        assertEquals(404, drenthe.download("/api/v1/rounds/" + roundId + "/benchmark.xlsx").statusCode());
        Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(403, adviser.download("/api/v1/rounds/" + roundId + "/benchmark.pdf").statusCode());
        assertEquals(403, adviser.download("/api/v1/rounds/" + roundId + "/benchmark.xlsx").statusCode());
    }
}
