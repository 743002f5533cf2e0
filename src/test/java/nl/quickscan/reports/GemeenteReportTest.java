package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.TestApp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gemeenterapport read back: PDF text against the API's figures (the workbooks: {@link WorkbookTest}). */
class GemeenteReportTest {

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void pdfAndWorkbookShowTheApisFigures(TestApp app) throws Exception {
        String coordinator = "coordinator.drenthe@quickscan.test";
        long nulmeting = Rounds.open(app, coordinator);
        long herhaling = ((Number) app.api().login(coordinator, TestApp.DEMO_PASSWORD).postJson("/api/v1/rounds", """
                {"name": "Herhaling rapport %s", "kind": "HERHALING", "baselineRoundId": %d, "surveyId": "quickscan-seksueel-geweld",
                 "surveyVersion": 1, "opens": "%s", "closes": "%s"}""".formatted(System.nanoTime(), nulmeting,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30))).json().get("id")).longValue();
        var adviser = Fixtures.adviseur(app, "GM1730");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long before = ((Number) api.postJson("/api/v1/scans", "{\"roundId\":" + nulmeting + "}").json().get("id")).longValue();
        long after = ((Number) api.postJson("/api/v1/scans", "{\"roundId\":" + herhaling + "}").json().get("id")).longValue();
        put(api, before, "visie-gedeelde-visie", "1", null);
        put(api, after, "visie-gedeelde-visie", "3", "Vastgesteld door de stuurgroep in maart");
        put(api, after, "visie-gemeenschappelijk-beeld", "WEET_NIET", null);
        put(api, after, "kengetal-inwoners", "230000", "Volgens het CBS");
        put(api, after, "kengetal-fte-gemeente", "0.4", null);

        Map<String, Object> scores = api.get("/api/v1/scans/" + after + "/scores").json();
        List<?> bouwstenen = (List<?>) scores.get("bouwstenen");

        HttpResponse<byte[]> pdf = api.download("/api/v1/scans/" + after + "/report.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"gemeenterapport-tynaarlo-herhaling-rapport-"));
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
            assertTrue(document.getNumberOfPages() >= 6, "summary, contents, four bouwstenen");
        }
        String flat = text.replaceAll("\\s+", " ");
        assertTrue(flat.contains("Gemeenterapport Tynaarlo (GM1730)"), flat.substring(0, 300));
        assertTrue(flat.contains("VOORLOPIG"));
        for (Object b : bouwstenen) {
            Map<?, ?> bouwsteen = (Map<?, ?>) b;
            // Section heading and score: bouwsteen, herhaling, niveau.
            String expected = java.util.regex.Pattern.quote((String) bouwsteen.get("title")) + " Score: "
                    + Math.round(((Number) bouwsteen.get("score")).doubleValue()) + "%, niveau " + bouwsteen.get("level");
            assertTrue(java.util.regex.Pattern.compile(expected).matcher(flat).find(), () -> "bouwsteen section " + expected);
        }
        assertTrue(flat.contains("Antwoord: Ja, volledig en geborgd Nulmeting: In voorbereiding · verbeterd"));
        assertTrue(flat.contains("Nulmeting: niet beantwoord · gelijk gebleven"), "the comparison page's words");
        assertTrue(flat.contains("Toelichting: Vastgesteld door de stuurgroep in maart"));
        assertTrue(flat.contains("Pagina 2 van "));
        assertTrue(flat.contains("230.000 inwoners niet beantwoord Volgens het CBS") && flat.contains("0,4 fte"),
                "kengetallen in Dutch notation, beside the nulmeting's");

        // The workbooks are read back in WorkbookTest.
        Api other = app.api().login("adviseur.assen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(404, other.download("/api/v1/scans/" + after + "/report.pdf").statusCode());
        assertEquals(404, other.download("/api/v1/scans/" + after + "/report.xlsx").statusCode());
    }

    private static void put(Api api, long scanId, String key, String value, String comment) {
        String json = comment == null ? "{\"value\":\"" + value + "\",\"version\":0}"
                : "{\"value\":\"" + value + "\",\"comment\":\"" + comment + "\",\"version\":0}";
        assertEquals(200, api.send("PUT", "/api/v1/scans/" + scanId + "/answers/" + key, "application/json", json, Map.of()).status());
    }
}
