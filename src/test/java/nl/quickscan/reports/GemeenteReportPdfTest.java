package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
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
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gemeenterapport PDF read back: the API's figures, the results page's next steps, the structure a screen reader
 * needs (tags, language, title, outline, page numbers) and PDF/UA-1 as veraPDF checks it.
 */
class GemeenteReportPdfTest {

    /** What a test needs of a PDF: its text (whitespace folded), structure types, bookmarks and pages. */
    private record Read(String text, List<String> structure, List<String> figures, List<String> outline, int pages,
                        String language, String title, boolean displayDocTitle) {
        static Read of(byte[] pdf) throws IOException {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                List<String> structure = new ArrayList<>();
                List<String> figures = new ArrayList<>();
                collect(document.getDocumentCatalog().getStructureTreeRoot(), structure, figures);
                List<String> outline = new ArrayList<>();
                for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
                    outline.add(item.getTitle());
                }
                return new Read(new PDFTextStripper().getText(document).replaceAll("\\s+", " "), structure, figures, outline,
                        document.getNumberOfPages(), document.getDocumentCatalog().getLanguage(),
                        document.getDocumentInformation().getTitle(),
                        document.getDocumentCatalog().getViewerPreferences().displayDocTitle());
            }
        }

        private static void collect(PDStructureNode node, List<String> types, List<String> figures) {
            for (Object kid : node.getKids()) {
                if (kid instanceof PDStructureElement element) {
                    types.add(element.getStructureType());
                    if (element.getStructureType().equals("Figure")) {
                        figures.add(element.getAlternateDescription());
                    }
                    collect(element, types, figures);
                }
            }
        }

        String between(String from, String to) {
            int start = text.indexOf(from);
            int end = text.indexOf(to, start);
            assertTrue(start >= 0 && end > start, from + " … " + to + " in " + text);
            return text.substring(start, end);
        }
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void aNulmetingWithItsPositionInTheRegio(TestApp app) throws Exception {
        String coordinator = "coordinator.groningen@quickscan.test";
        long roundId = Rounds.open(app, coordinator);
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        var own = Fixtures.adviseur(app, "GM1966");
        Api api = app.api().login(own.email(), Fixtures.PASSWORD);
        long scanId = Scans.start(api, roundId);
        List<Survey.Question> statements = survey.questions().filter(Survey.Question::scored).toList();
        for (int i = 0; i < statements.size(); i++) {
            Scans.answer(api, scanId, statements.get(i).key(), i % 9 == 0 ? "WEET_NIET" : String.valueOf(i % 4));
        }
        assertEquals(200, api.postJson("/api/v1/scans/" + scanId + "/submit", "").status());
        for (String cbs : List.of("GM0014", "GM1969", "GM1979", "GM1952", "GM0037")) {
            Scans.submitAll(app, survey, roundId, cbs, "2");
        }
        Rounds.close(app, roundId);

        byte[] bytes = api.download("/api/v1/scans/" + scanId + "/report.pdf").body();
        Read pdf = Read.of(bytes);
        assertAccessible(pdf, "Het Hogeland");
        assertTrue(pdf.text().contains("Gemeenterapport Het Hogeland (GM1966)"), pdf.text().substring(0, 200));
        assertApisFigures(api, scanId, pdf);

        String steps = pdf.between("De belangrijkste volgende stappen", "Positie in de regio");
        Document results = app.browser().login(own.email(), Fixtures.PASSWORD).get("/scans/" + scanId + "/resultaten").html();
        Element weakest = results.selectFirst("h2:contains(Zwakste punten) + ol");
        assertEquals(3, weakest.select("li").size());
        for (Element listed : weakest.select("li")) {
            Element item = listed.clone();
            item.select("a").remove(); // "Zet in het verbeterplan", which the report has no use for
            assertTrue(steps.contains(item.selectFirst("strong").text()), "the results page's next step " + item.text());
            String recommendation = item.text().substring(item.text().indexOf("Aanbeveling: ") + "Aanbeveling: ".length());
            assertTrue(steps.contains(recommendation), recommendation);
        }
        // Per statement the same rule: "1" (of 3) has its recommendation, "3" (full points) has none.
        Survey.Question partial = statements.get(1);
        Survey.Question full = statements.get(3);
        assertTrue(pdf.text().contains(partial.text() + " Antwoord: In voorbereiding Aanbeveling: " + partial.recommendation()));
        assertTrue(pdf.text().contains(full.text() + " Antwoord: Ja, volledig en geborgd " + statements.get(4).text()),
                "no recommendation at full points");

        // The position: the other five all answered "2" (66,67%), banded to 65%.
        String position = pdf.text().substring(pdf.text().lastIndexOf("Positie in de regio"));
        assertTrue(position.contains("Bouwsteen 1. Visie en regionale aanpak"), position);
        assertTrue(Pattern.compile("Bouwsteen 1\\. Visie en regionale aanpak \\d+% 65% 65% 5").matcher(position).find(), position);
        assertTrue(pdf.text().contains("Bij 6 stellingen is \"Weet ik niet\" gekozen"), "what is still unknown");
        PdfUa.assertCompliant(bytes);
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void aHerhalingBesideItsNulmeting(TestApp app) throws Exception {
        String coordinator = "coordinator.drenthe@quickscan.test";
        long nulmeting = Rounds.open(app, coordinator);
        long herhaling = Rounds.openHerhaling(app, coordinator, nulmeting);
        var adviser = Fixtures.adviseur(app, "GM1681");
        Api api = app.api().login(adviser.email(), Fixtures.PASSWORD);
        long before = Scans.start(api, nulmeting);
        long after = Scans.start(api, herhaling);
        Scans.answer(api, before, "visie-gedeelde-visie", "1");
        Scans.answer(api, after, "visie-gedeelde-visie", "3");
        Scans.answer(api, before, "visie-gemeenschappelijk-beeld", "WEET_NIET");
        Scans.answer(api, after, "visie-gemeenschappelijk-beeld", "2");
        Scans.answer(api, before, "kengetal-inwoners", "26000");
        Scans.answer(api, after, "kengetal-inwoners", "26500");

        byte[] bytes = api.download("/api/v1/scans/" + after + "/report.pdf").body();
        Read pdf = Read.of(bytes);
        assertAccessible(pdf, "Borger-Odoorn");
        assertTrue(pdf.text().contains("Gemeenterapport Borger-Odoorn (GM1681)"));
        assertTrue(pdf.text().contains("VOORLOPIG"));
        assertApisFigures(api, after, pdf);

        Map<String, Object> comparison = api.get("/api/v1/scans/" + after + "/comparison").json();
        Map<?, ?> first = (Map<?, ?>) ((List<?>) comparison.get("bouwstenen")).get(0);
        assertTrue(pdf.text().contains("Bij de nulmeting: " + DutchFormat.percent((Number) first.get("before")) + " ("
                + DutchFormat.points((Number) first.get("difference")) + " procentpunt)"), "the comparison's difference");
        assertTrue(pdf.text().contains("Antwoord: Ja, volledig en geborgd Nulmeting: In voorbereiding · verbeterd"));
        assertTrue(pdf.text().contains("Antwoord: Deels / in uitvoering Nulmeting: Weet ik niet Aanbeveling:"),
                "Weet ik niet once, without its direction repeating it");
        assertFalse(pdf.text().contains("onbekend (Weet ik niet)"));
        assertTrue(pdf.text().contains("Nulmeting: niet beantwoord · gelijk gebleven"), "the comparison page's words");
        assertTrue(pdf.text().contains("26.500 inwoners 26.000 inwoners"), "the kengetal beside the nulmeting's");
        assertTrue(pdf.text().contains("Bron: Gronings offensief tegen seksueel geweld 2023-2024"), "the kengetal's source");
        Map<Long, String> roundNames = new java.util.HashMap<>();
        app.api().login(coordinator, TestApp.DEMO_PASSWORD).get("/api/v1/rounds").jsonList()
                .forEach(round -> roundNames.put(((Number) round.get("id")).longValue(), (String) round.get("name")));
        String chart = pdf.between("Beginnend", "Sterke punten");
        assertTrue(chart.contains(roundNames.get(nulmeting)) && chart.contains(roundNames.get(herhaling)),
                "the chart's legend names both rounds: " + chart);
        Map<?, ?> firstScore = (Map<?, ?>) ((List<?>) api.get("/api/v1/scans/" + after + "/scores").json().get("bouwstenen")).get(0);
        assertTrue(pdf.figures().get(0).contains(first.get("title") + ": nulmeting " + DutchFormat.percent((Number) first.get("before"))
                + ", herhaling " + DutchFormat.percent((Number) firstScore.get("score"))), "the chart in words: " + pdf.figures());
        PdfUa.assertCompliant(bytes);
    }

    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void aHerhalingChecksTheVerbeterplanPerBouwsteen(TestApp app) throws Exception {
        String coordinator = "coordinator.drenthe@quickscan.test";
        String cbs = "GM0118"; // Hoogeveen: no other test makes actions for it
        TwoMeasurements measured = TwoMeasurements.of(app, coordinator, cbs);
        Api api = measured.api();
        long before = measured.before();
        long after = measured.after();
        String weak = TwoMeasurements.IMPROVED;

        byte[] empty = api.download("/api/v1/scans/" + before + "/report.pdf").body();
        Read none = Read.of(empty);
        assertTrue(none.outline().contains("Verbeterplan"), none.outline().toString());
        assertTrue(none.text().contains("Er staan nog geen acties in het verbeterplan van Hoogeveen. Een adviseur van de "
                + "gemeente maakt ze in de quickscan op de pagina Verbeterplan"), "no actions: one sentence");

        String done = "Sociale kaart " + System.nanoTime();
        String late = "Werkafspraken " + System.nanoTime();
        String yesterday = java.time.LocalDate.now(nl.quickscan.time.Clocks.ZONE).minusDays(1).toString();
        String path = "/api/v1/gemeenten/" + cbs + "/actions";
        assertEquals(201, api.postJson(path, action(before, done, "\"" + weak + "\", \"visie-gender\"", null, "AFGEROND")).status());
        assertEquals(201, api.postJson(path, action(before, late, "\"" + weak + "\"", "\"" + yesterday + "\"", "GEPLAND")).status());

        byte[] bytes = api.download("/api/v1/scans/" + after + "/report.pdf").body();
        Read pdf = Read.of(bytes);
        assertAccessible(pdf, "Hoogeveen");
        assertTrue(pdf.outline().contains("Verbeterplan"), pdf.outline().toString());
        assertTrue(Pattern.compile("Verbeterplan \\d+ Kengetallen \\d+").matcher(pdf.text()).find(), "in the contents");
        String plan = pdf.between("2 acties in het verbeterplan, waarvan 1 over de einddatum.", "Kengetallen");
        Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Survey.Bouwsteen bouwsteen = survey.bouwstenen().stream()
                .filter(b -> b.questions().stream().anyMatch(q -> q.key().equals(weak))).findFirst().orElseThrow();
        String text = survey.questions().filter(q -> q.key().equals(weak)).findFirst().orElseThrow().text();
        String gender = survey.questions().filter(q -> q.key().equals("visie-gender")).findFirst().orElseThrow().text();
        assertTrue(plan.contains(bouwsteen.title() + " Afgerond: 1 van de 2 acties."), plan);
        assertTrue(plan.contains(done + " Status: Afgerond Eigenaar: Team zorg Einddatum: – Partners: Veilig Thuis"), plan);
        assertTrue(plan.contains(text + " Nulmeting: In voorbereiding → herhaling: Ja, volledig en geborgd – verbeterd"), plan);
        assertTrue(plan.contains(gender + " Nulmeting: Deels / in uitvoering → herhaling: In voorbereiding – achteruitgegaan"), plan);
        assertTrue(plan.contains(late + " Status: Gepland – over de einddatum Eigenaar: Team zorg"), plan);
        PdfUa.assertCompliant(bytes);
    }

    private static String action(long scanId, String title, String keys, String due, String status) {
        return """
                {"title": "%s", "description": "Plan", "questionKeys": [%s], "sourceScanId": %d, "owner": "Team zorg",
                 "partners": "Veilig Thuis", "due": %s, "status": "%s", "shared": false}""".formatted(title, keys, scanId, due, status);
    }

    /** Total, every bouwsteen and every theme as the API has them, in whole percent as DutchFormat prints them. */
    private static void assertApisFigures(Api api, long scanId, Read pdf) {
        Map<String, Object> scores = api.get("/api/v1/scans/" + scanId + "/scores").json();
        assertTrue(pdf.text().contains("Totaalscore: " + DutchFormat.percent((Number) scores.get("total")) + ", niveau "
                + scores.get("level")), pdf.text().substring(0, 400));
        int themes = 0;
        for (Object b : (List<?>) scores.get("bouwstenen")) {
            Map<?, ?> bouwsteen = (Map<?, ?>) b;
            String section = Pattern.quote((String) bouwsteen.get("title")) + " Score: "
                    + Pattern.quote(DutchFormat.percent((Number) bouwsteen.get("score"))) + ", niveau " + bouwsteen.get("level");
            assertTrue(Pattern.compile(section).matcher(pdf.text()).find(), section);
            for (Object t : (List<?>) bouwsteen.get("themes")) {
                Map<?, ?> theme = (Map<?, ?>) t;
                String score = Pattern.quote(theme.get("title") + " Score: " + DutchFormat.percent((Number) theme.get("score")));
                assertTrue(Pattern.compile(score).matcher(pdf.text()).find(), score);
                themes++;
            }
        }
        assertEquals(6, themes, "bouwsteen 4 by its themes");
    }

    private static void assertAccessible(Read pdf, String gemeente) {
        assertEquals("nl-NL", pdf.language());
        assertEquals("Gemeenterapport " + gemeente + " – Quickscan aanpak seksueel geweld", pdf.title());
        assertTrue(pdf.displayDocTitle(), "the title, not the file name, in the window");
        assertTrue(pdf.text().contains("Pagina 1 van " + pdf.pages()) && pdf.text().contains("Pagina " + pdf.pages() + " van "
                + pdf.pages()), "Pagina x van y");
        for (String type : List.of("H1", "H2", "P", "L", "LI", "Table", "TR", "TH", "TD", "Figure", "TOC", "Link")) {
            assertTrue(pdf.structure().contains(type), type + " in " + pdf.structure());
        }
        assertTrue(pdf.outline().containsAll(List.of("Inhoud", "Zo werkt de quickscan", "Bouwsteen 1. Visie en regionale aanpak",
                "Bouwsteen 4. Plan van aanpak en speerpunten", "Verbeterplan", "Kengetallen")), pdf.outline().toString());
        assertTrue(Pattern.compile("Inhoud Zo werkt de quickscan \\d+ Bouwsteen 1\\. Visie en regionale aanpak \\d+").matcher(pdf.text())
                .find(), "the contents with page numbers");
    }
}
