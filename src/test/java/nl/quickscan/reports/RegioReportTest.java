package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.PdfUa;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.text.DutchFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
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
        Map<String, Object> benchmark = coordinator.get("/api/v1/rounds/" + roundId + "/benchmark").json();

        HttpResponse<byte[]> pdf = coordinator.download("/api/v1/rounds/" + roundId + "/benchmark.pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"regiorapport-groningen-nulmeting-"));
        String text = text(pdf.body());
        assertTrue(text.contains("Regiorapport Groningen"));
        assertTrue(text.contains("Vragenlijst: Quickscan aanpak seksueel geweld, versie 1."), "the survey as users know it");
        assertTrue(!text.contains("quickscan-seksueel-geweld"), "not its technical id");
        assertTrue(text.contains("4 van de 10 gemeenten hebben de scan ingediend."), text);
        assertTrue(text.contains("Nog bezig: Midden-Groningen."), text);
        assertTrue(text.contains("Het Hogeland (GM1966) Ingediend 67% Gevorderd"), text);
        assertTrue(text.contains("Stadskanaal (GM0037) Niet gestart"));
        assertTrue(text.contains("Midden-Groningen (GM1952) Bezig (1%)"), "as on the round's page");
        assertTrue(text.contains("Kleur en tekst geven het niveau: Beginnend (roze), In ontwikkeling (oranje), "
                + "Gevorderd (blauw), Geborgd (donkergroen)."), "the legend from the survey's levels, naming the colours truly");
        assertTrue(text.contains("Oldambt (GM1895) Ingediend 0% Beginnend"), "the level in words in the heatmap");
        assertTrue(text.contains("Totaal 4 67% 83% 0% 100%"), "regio statistics as in the API");
        List<String> overview = new ArrayList<>();
        for (Object b : (List<?>) benchmark.get("bouwstenen")) {
            Map<?, ?> bouwsteen = (Map<?, ?>) b;
            double median = ((Number) bouwsteen.get("median")).doubleValue();
            assertTrue(text.contains(bouwsteen.get("title") + " " + bouwsteen.get("n") + " "
                    + DutchFormat.percent((Number) bouwsteen.get("mean")) + " " + DutchFormat.percent(median) + " "
                    + DutchFormat.percent((Number) bouwsteen.get("min")) + " " + DutchFormat.percent((Number) bouwsteen.get("max"))),
                    "the API's figures of " + bouwsteen.get("title"));
            overview.add(bouwsteen.get("title") + ": middelste score " + DutchFormat.percent(median) + ", "
                    + Scoring.level(survey, median).label());
        }
        assertTrue(text.contains("Bouwsteen 1. Visie en regionale aanpak: Oldambt (0%)."), "who may need support");
        List<String> alts = assertTagged(pdf.body(), "Regiorapport Groningen – ", 5);
        for (String bouwsteen : overview) {
            assertTrue(alts.get(0).contains(bouwsteen), "the overview's median and level, as the API's: " + bouwsteen + " in " + alts.get(0));
        }

        long empty = Rounds.open(app, COORDINATOR);
        byte[] withoutScans = coordinator.download("/api/v1/rounds/" + empty + "/benchmark.pdf").body();
        assertTrue(text(withoutScans).contains("0 van de 10 gemeenten hebben de scan ingediend. Alleen ingediende scans "
                + "tellen mee in de cijfers. Er zijn daarom nog geen cijfers. Nog niet begonnen: Eemsdelta, Groningen, "
                + "Het Hogeland, Midden-Groningen, Oldambt en 5 andere gemeenten."), "a round without submitted scans: " + text(withoutScans));
        assertTrue(!text(withoutScans).contains("Daarna per bouwsteen"), "no charts to announce");
        PdfUa.assertCompliant(withoutScans);

        // The workbooks are read back in WorkbookTest.
        Api drenthe = app.api().login("coordinator.drenthe@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(404, drenthe.download("/api/v1/rounds/" + roundId + "/benchmark.pdf").statusCode());
        assertEquals(404, drenthe.download("/api/v1/rounds/" + roundId + "/benchmark.xlsx").statusCode());
        Api adviser = app.api().login("adviseur.groningen@quickscan.test", TestApp.DEMO_PASSWORD);
        assertEquals(403, adviser.download("/api/v1/rounds/" + roundId + "/benchmark.pdf").statusCode());
        assertEquals(403, adviser.download("/api/v1/rounds/" + roundId + "/benchmark.xlsx").statusCode());
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void aHerhalingsReportShowsWhatImprovedAndWhatDeclined(TestApp app) throws Exception {
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        String coordinatorEmail = "coordinator.drenthe@quickscan.test";
        long nulmeting = Rounds.open(app, coordinatorEmail);
        long herhaling = Rounds.openHerhaling(app, coordinatorEmail, nulmeting);
        var assen = Fixtures.adviseur(app, "GM0106");
        var emmen = Fixtures.adviseur(app, "GM0114");
        var meppel = Fixtures.adviseur(app, "GM0119");
        Scans.submitAll(app, assen, survey, nulmeting, "1");
        Scans.submitAll(app, emmen, survey, nulmeting, "2");
        Scans.submitAll(app, meppel, survey, nulmeting, "3");
        // Assen 33% → 100%, Emmen the same, Meppel the same but for the first statement, 100% → 0%.
        // First statement: (+66,7 + 0 − 100) / 3 = −11,1 on average; every other statement +22,2.
        Scans.submitAll(app, assen, survey, herhaling, "3");
        Scans.submitAll(app, emmen, survey, herhaling, "2");
        Survey.Question first = survey.questions().filter(Survey.Question::scored).findFirst().orElseThrow();
        Api meppelApi = app.api().login(meppel.email(), Fixtures.PASSWORD);
        long meppelScan = Scans.start(meppelApi, herhaling);
        survey.questions().forEach(q -> Scans.answer(meppelApi, meppelScan, q.key(), q == first ? "0" : "3"));
        assertEquals(200, meppelApi.postJson("/api/v1/scans/" + meppelScan + "/submit", "").status());

        Api coordinator = app.api().login(coordinatorEmail, TestApp.DEMO_PASSWORD);
        Map<String, Object> development = coordinator.get("/api/v1/rounds/" + herhaling + "/development").json();
        List<?> declined = (List<?>) development.get("mostDeclined");
        assertEquals(1, declined.size());
        assertEquals(first.key(), ((Map<?, ?>) declined.get(0)).get("key"));
        assertEquals(-100.0 / 9, ((Number) ((Map<?, ?>) declined.get(0)).get("meanDifference")).doubleValue(), 1e-9);
        assertEquals(5, ((List<?>) development.get("mostImproved")).size());
        String page = app.browser().login(coordinatorEmail, TestApp.DEMO_PASSWORD).get("/rondes/" + herhaling).html()
                .select("h3:contains(het meest achteruitgingen) + ol").text();
        assertEquals(first.text() + " (gemiddeld −11,1 procentpunt, bij 3 gemeenten)", page, "the round's page lists them too");

        byte[] pdf = coordinator.download("/api/v1/rounds/" + herhaling + "/benchmark.pdf").body();
        String text = text(pdf);
        assertTrue(text.contains("Ontwikkeling sinds de nulmeting"));
        assertTrue(text.contains("3 gemeenten hebben zowel de nulmeting als deze herhaling ingediend."), text);
        assertTrue(text.contains("Stellingen die het meest achteruitgingen • " + first.text() + " (gemiddeld −11,1 procentpunt, 3 gemeenten)"), text);
        for (Object s : (List<?>) development.get("mostImproved")) {
            Map<?, ?> statement = (Map<?, ?>) s;
            assertTrue(text.contains(statement.get("text") + " (gemiddeld "
                    + DutchFormat.points((Number) statement.get("meanDifference")) + " procentpunt, 3 gemeenten)"), text);
        }
        for (Object b : (List<?>) development.get("bouwstenen")) {
            Map<?, ?> bouwsteen = (Map<?, ?>) b;
            assertTrue(text.contains(bouwsteen.get("title") + " " + bouwsteen.get("n") + " "
                    + DutchFormat.points((Number) bouwsteen.get("meanDifference"))), "the API's mean difference of " + bouwsteen.get("title"));
            assertTrue(text.contains("Voor en na: " + bouwsteen.get("title")));
        }
        for (Object g : (List<?>) development.get("gemeenten")) {
            Map<?, ?> gemeente = (Map<?, ?>) g;
            Map<?, ?> total = (Map<?, ?>) gemeente.get("total");
            assertTrue(text.contains(gemeente.get("name") + " " + DutchFormat.percent((Number) total.get("before")) + " "
                    + DutchFormat.percent((Number) total.get("after")) + " " + DutchFormat.points((Number) total.get("difference"))),
                    "the API's totals of " + gemeente.get("name"));
        }
        assertTagged(pdf, "Regiorapport Drenthe – Herhaling ", 9);
    }

    /** The verbeterplannen of the round: counts per bouwsteen and status, and only the shared actions by name. */
    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void theReportSumsUpTheVerbeterplannenAndListsOnlyTheSharedActions(TestApp app) throws Exception {
        long round = Rounds.open(app, COORDINATOR);
        String tag = " " + System.nanoTime();
        String weak = "samenwerking-sociale-kaart";
        Map<String, String> titles = Map.of("GM1979", "Gedeelde kaart" + tag, "GM0014", "Eigen kaart" + tag);
        for (String cbs : List.of("GM1979", "GM0014")) {
            Api api = app.api().login(Fixtures.adviseur(app, cbs).email(), Fixtures.PASSWORD);
            long scan = Scans.start(api, round);
            Scans.answer(api, scan, weak, "1");
            boolean shared = cbs.equals("GM1979");
            assertEquals(201, api.postJson("/api/v1/gemeenten/" + cbs + "/actions", """
                    {"title": "%s", "questionKeys": ["%s"], "sourceScanId": %d, "status": "%s", "shared": %s}"""
                    .formatted(titles.get(cbs), weak, scan, shared ? "AFGEROND" : "BEZIG", shared)).status());
        }
        Api coordinator = app.api().login(COORDINATOR, TestApp.DEMO_PASSWORD);
        byte[] pdf = coordinator.download("/api/v1/rounds/" + round + "/benchmark.pdf").body();
        String text = text(pdf);
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Survey.Bouwsteen bouwsteen = survey.bouwstenen().stream()
                .filter(b -> b.questions().stream().anyMatch(q -> q.key().equals(weak))).findFirst().orElseThrow();
        String plans = text.substring(text.lastIndexOf("Verbeterplannen"));
        assertTrue(plans.contains("2 acties van 2 gemeenten komen voort uit deze meetronde."), plans);
        assertTrue(plans.contains("Bouwsteen Gemeenten Gepland Bezig Afgerond Gestopt Over de einddatum"), plans);
        assertTrue(plans.contains(bouwsteen.title() + " 2 0 1 1 0 0"), "counts per bouwsteen and status: " + plans);
        assertTrue(plans.contains("Gedeeld in de regio") && plans.contains("Gedeelde kaart" + tag + " Afgerond Eemsdelta"), plans);
        assertTrue(!plans.contains("Eigen kaart" + tag), "an action that is not shared is not named");
        PdfUa.assertCompliant(pdf);

        for (String format : WorkbookTest.FORMATS) {
            WorkbookReader book = WorkbookReader.read(format, coordinator.download("/api/v1/rounds/" + round + "/benchmark." + format).body());
            List<List<WorkbookReader.Value>> sheet = book.sheet("Verbeterplannen");
            List<WorkbookReader.Value> row = sheet.get(WorkbookReader.rowWith(sheet, bouwsteen.title()));
            assertEquals(List.of(2.0, 0.0, 1.0, 1.0, 0.0, 0.0), row.subList(1, 7).stream().map(WorkbookReader.Value::number).toList(), format);
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /**
     * Tagged, Dutch, titled, a figure with alternative text per chart, and PDF/UA-1 as veraPDF checks it; returns the
     * figures' alternative texts in order.
     */
    private static List<String> assertTagged(byte[] pdf, String titleStart, int figures) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals("nl-NL", document.getDocumentCatalog().getLanguage());
            assertTrue(document.getDocumentInformation().getTitle().startsWith(titleStart), document.getDocumentInformation().getTitle());
            assertTrue(document.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            assertTrue(document.getDocumentCatalog().getMarkInfo().isMarked());
            List<PDStructureElement> elements = new ArrayList<>();
            collect(document.getDocumentCatalog().getStructureTreeRoot(), elements);
            List<String> types = elements.stream().map(PDStructureElement::getStructureType).toList();
            for (String type : List.of("H1", "H2", "H3", "P", "L", "LI", "Table", "TH", "TD")) {
                assertTrue(types.contains(type), type + " in " + types);
            }
            List<String> alts = elements.stream().filter(e -> e.getStructureType().equals("Figure"))
                    .map(PDStructureElement::getAlternateDescription).toList();
            assertEquals(figures, alts.size(), "a figure per chart");
            assertTrue(alts.stream().allMatch(alt -> alt != null && alt.contains("Bouwsteen")), alts.toString());
            PdfUa.assertCompliant(pdf);
            return alts;
        }
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> elements) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                elements.add(element);
                collect(element, elements);
            }
        }
    }
}
