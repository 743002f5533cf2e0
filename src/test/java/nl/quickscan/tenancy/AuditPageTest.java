package nl.quickscan.tenancy;

import nl.quickscan.audit.AuditEntry;
import nl.quickscan.audit.AuditLog;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.TestApp;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The beheerder's audit log over HTTP: the two groups, each filter and their combination, paging and the CSV. */
class AuditPageTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";

    private static Browser beheerder(TestApp app) {
        return app.browser().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
    }

    /** A person of this test only, so that filtering on it yields exactly the entries the test wrote. */
    private static String person() {
        return "audit-" + UUID.randomUUID() + "@example.nl";
    }

    private static void entry(TestApp app, String person, String action, String when, Long gemeenteId, String subject,
                              String details) {
        app.bean(AuditLog.class).save(new AuditEntry(null, Instant.parse(when), null, person, action, subject, details,
                null, gemeenteId));
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> column(Document page, int index) {
        return page.select("tbody tr").stream().map(row -> row.select("td").get(index).text()).toList();
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void eachFilterAndTheirCombinationShowExactlyTheirEntries(TestApp app) {
        String person = person();
        long assen = Fixtures.gemeenteId(app, "GM0106");
        long westerveld = Fixtures.gemeenteId(app, "GM1701");
        entry(app, person, "ACCOUNT_CREATED", "2025-01-15T10:00:00Z", assen, "account a", "januari");
        entry(app, person, "ACCOUNT_CREATED", "2025-03-10T10:00:00Z", assen, "account b", "maart");
        // 23:30 on 31 March in Dutch (summer) time: still in March; an hour later it is 1 April.
        entry(app, person, "ACCOUNT_UPDATED", "2025-03-31T21:30:00Z", westerveld, "account c", "laatste van maart");
        entry(app, person, "ACCOUNT_UPDATED", "2025-03-31T22:30:00Z", assen, "account d", "eerste van april");
        entry(app, person, "ANSWER_SAVED", "2025-03-12T10:00:00Z", assen, "Scan 1, vraag b1", "Versie 1: niet beantwoord → Ja");
        Browser browser = beheerder(app);
        String base = "/beheer/audit?wie=" + query(person);

        Document all = browser.get(base).html();
        assertEquals(List.of("eerste van april", "laatste van maart", "maart", "januari"), column(all, 5), "newest first");
        assertEquals(List.of("Account gewijzigd", "Account gewijzigd", "Account aangemaakt", "Account aangemaakt"), column(all, 2));
        assertEquals(List.of("Assen", "Westerveld", "Assen", "Assen"), column(all, 3));
        assertEquals("1–4 van 4", all.selectFirst("#audit-range").text());
        assertEquals("page", all.selectFirst(".audit-tabs a[href=/beheer/audit?groep=organisatie]").attr("aria-current"));

        Document answers = browser.get(base + "&groep=antwoorden").html();
        assertEquals(List.of("Versie 1: niet beantwoord → Ja"), column(answers, 5), "answer saves apart");
        assertEquals(List.of("Antwoord opgeslagen"), column(answers, 2));

        assertEquals(List.of("eerste van april", "laatste van maart"),
                column(browser.get(base + "&soort=ACCOUNT_UPDATED").html(), 5));
        assertEquals(List.of("eerste van april", "maart", "januari"), column(browser.get(base + "&gemeente=" + assen).html(), 5));
        assertEquals(List.of("laatste van maart", "maart"),
                column(browser.get(base + "&van=2025-03-01&tot=2025-03-31").html(), 5));
        assertEquals(List.of("eerste van april", "laatste van maart", "maart"),
                column(browser.get(base + "&van=1-3-2025").html(), 5), "a date as typed, open end");
        assertEquals(List.of("januari"), column(browser.get(base + "&tot=2025-02-28").html(), 5));
        assertEquals(List.of("maart"), column(browser.get(base + "&soort=ACCOUNT_CREATED&gemeente=" + assen
                + "&van=2025-03-01&tot=2025-03-31").html(), 5), "all filters at once");
        assertEquals(4, column(browser.get("/beheer/audit?wie=" + query(person.toUpperCase().substring(0, 20))).html(), 5)
                .size(), "part of the address, any case");
        Document none = browser.get(base + "&soort=ACCOUNT_LOCKED").html();
        assertEquals("Geen wijzigingen gevonden met deze filters.", none.selectFirst("#audit-none").text());
        assertNull(none.selectFirst("#audit-csv"), "nothing to download");

        Document filtered = browser.get(base + "&soort=ACCOUNT_UPDATED").html();
        assertEquals("ACCOUNT_UPDATED", filtered.selectFirst("select#soort option[selected]").val(), "the filter stays chosen");
        assertEquals(person, filtered.selectFirst("input#wie").val());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void pagesOfFiftyWithExactCountsAndAPageBeyondTheEnd(TestApp app) {
        String person = person();
        for (int i = 0; i < 120; i++) {
            entry(app, person, "GEMEENTE_UPDATED", Instant.parse("2025-05-01T00:00:00Z").plusSeconds(60L * i).toString(),
                    null, "gemeente " + i, "nummer " + i);
        }
        Browser browser = beheerder(app);
        String base = "/beheer/audit?wie=" + query(person);

        Document first = browser.get(base).html();
        assertEquals("1–50 van 120", first.selectFirst("#audit-range").text());
        assertEquals(50, first.select("tbody tr").size());
        assertEquals("nummer 119", column(first, 5).get(0));
        assertNull(first.selectFirst("a[rel=prev]"));
        String next = first.selectFirst("a[rel=next]").attr("href");
        assertTrue(next.contains("pagina=2") && next.contains("wie="), next);

        Document second = browser.get(next).html();
        assertEquals("51–100 van 120", second.selectFirst("#audit-range").text());
        assertEquals("nummer 69", column(second, 5).get(0));

        Document third = browser.get(base + "&pagina=3").html();
        assertEquals("101–120 van 120", third.selectFirst("#audit-range").text());
        assertEquals(20, third.select("tbody tr").size());
        assertEquals("nummer 0", column(third, 5).get(19));
        assertNull(third.selectFirst("a[rel=next]"));

        Response beyond = browser.get(base + "&pagina=7");
        assertEquals(200, beyond.status());
        assertEquals("Pagina 7 bestaat niet; er zijn 3 pagina's.", beyond.html().selectFirst("#audit-beyond").text());
        assertTrue(beyond.html().selectFirst("a[rel=prev]").attr("href").endsWith("pagina=3"), "back to the last page");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void malformedParametersGetA400WithADutchMessage(TestApp app) {
        Browser browser = beheerder(app);
        String tooLong = "a".repeat(255);
        List<List<String>> cases = List.of(
                List.of("pagina=abc", "Het paginanummer moet een getal van 1 tot en met 10.000 zijn."),
                List.of("pagina=0", "Het paginanummer moet een getal van 1 tot en met 10.000 zijn."),
                List.of("pagina=99999999999999999999", "Het paginanummer moet een getal van 1 tot en met 10.000 zijn."),
                List.of("van=2025-13-01", "Vul de begindatum in als dag-maand-jaar, bijvoorbeeld 01-12-2026."),
                List.of("van=31-02-2025", "Vul de begindatum in als dag-maand-jaar, bijvoorbeeld 01-12-2026."),
                List.of("tot=1-1-99999", "Vul de einddatum in als dag-maand-jaar, bijvoorbeeld 31-12-2026."),
                List.of("van=2025-03-02&tot=2025-03-01", "De einddatum ligt voor de begindatum."),
                List.of("soort=DROP%20TABLE", "Kies een soort wijziging uit de lijst."),
                List.of("soort=ANSWER_SAVED", "‘Antwoord opgeslagen’ staat onder ‘Antwoorden en scans’."),
                List.of("groep=alles", "Kies ‘Accounts en organisatie’ of ‘Antwoorden en scans’."),
                List.of("gemeente=abc", "Kies een gemeente uit de lijst."),
                List.of("gemeente=999999999", "Kies een gemeente uit de lijst."),
                List.of("wie=" + tooLong, "Het e-mailadres mag hoogstens 254 tekens lang zijn."));
        for (List<String> bad : cases) {
            Response page = browser.get("/beheer/audit?" + bad.get(0));
            assertEquals(400, page.status(), bad.get(0));
            Document html = page.html();
            assertEquals(bad.get(1), html.selectFirst(".error-summary li").text(), bad.get(0));
            assertTrue(html.select("tbody tr").isEmpty(), bad.get(0));
            Response csv = browser.download("/beheer/audit.csv?" + bad.get(0));
            if (!bad.get(0).startsWith("pagina")) {
                assertEquals(400, csv.status(), bad.get(0));
                assertEquals(bad.get(1), csv.body().strip(), bad.get(0));
            }
        }
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theCsvHoldsTheFilteredEntriesForDutchExcel(TestApp app) {
        String person = person();
        long assen = Fixtures.gemeenteId(app, "GM0106");
        entry(app, person, "ACCOUNT_UPDATED", "2025-06-01T08:00:00Z", assen, "account x; met \"aanhalingstekens\"",
                "regel 1\nregel 2");
        entry(app, person, "ACCOUNT_UPDATED", "2025-06-02T08:00:00Z", null, "=HYPERLINK(\"http://x\")", "+31 6 1234");
        entry(app, person, "ACCOUNT_CREATED", "2025-06-03T08:00:00Z", null, "@SUM(A1)", "-1");
        entry(app, person, "ANSWER_SAVED", "2025-06-04T08:00:00Z", assen, "Scan 1, vraag b1", "Versie 1: niet beantwoord → Ja");
        Browser browser = beheerder(app);

        Document page = browser.get("/beheer/audit?wie=" + query(person) + "&soort=ACCOUNT_UPDATED").html();
        String href = page.selectFirst("#audit-csv").attr("href");
        Response csv = browser.download(href);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
        assertTrue(csv.body().startsWith("\uFEFF"), "a byte order mark, so that Excel reads UTF-8");
        assertEquals("\uFEFFWanneer;Wie;Soort;Gemeente;Onderwerp;Details\r\n"
                + "2 juni 2025, 10:00;" + person + ";Account gewijzigd;;\"'=HYPERLINK(\"\"http://x\"\")\";'+31 6 1234\r\n"
                + "1 juni 2025, 10:00;" + person + ";Account gewijzigd;Assen;\"account x; met \"\"aanhalingstekens\"\"\";\"regel 1\nregel 2\"\r\n",
                csv.body());

        String all = browser.download("/beheer/audit.csv?wie=" + query(person)).body();
        assertEquals(4, all.split("\r\n").length, "header and the three account entries, not the answer");
        assertTrue(all.contains(";'@SUM(A1);'-1\r\n"), all);
        assertTrue(browser.download("/beheer/audit.csv?groep=antwoorden&wie=" + query(person)).body()
                .endsWith(";Antwoord opgeslagen;Assen;Scan 1, vraag b1;Versie 1: niet beantwoord → Ja\r\n"));
    }
}
