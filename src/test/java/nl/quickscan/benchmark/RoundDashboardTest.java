package nl.quickscan.benchmark;

import nl.quickscan.accounts.Account;
import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.text.DutchFormat;
import nl.quickscan.time.Clocks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round's dashboard in its states (future, fresh, some busy, some submitted, closed): where the round stands,
 * what to do next, the status column, and the matrix, statistics and downloads only once something is submitted.
 * Each test makes a regio of its own ({@link Fixtures#regio}).
 */
class RoundDashboardTest {

    private static final String APPS = "nl.quickscan.support.TestApp#all";
    private static final String BEHEERDER = "beheerder@quickscan.test";

    @ParameterizedTest
    @MethodSource(APPS)
    void aFreshRoundSaysWhatIsThereWithoutAMatrixOfDashesOrDownloads(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 3);
        LocalDate today = LocalDate.now(Clocks.ZONE);
        long roundId = regio.openRound(app, today.minusDays(1), today.plusDays(12));
        // fresh: nobody has started
        Document fresh = regio.coordinatorPages(app).get("/rondes/" + roundId).html();
        assertEquals("Nog 12 dagen open, tot en met " + DutchFormat.date(today.plusDays(12)) + ".",
                fresh.selectFirst(".round-state__when").text());
        assertTrue(fresh.text().contains("Vragenlijst: Quickscan aanpak seksueel geweld, versie 1."),
                "the survey by its title, as the regiorapport names it");
        assertTrue(fresh.selectFirst(".round-state").text()
                .contains("Nog geen gemeente heeft ingediend. Er is ook nog geen gemeente begonnen."), fresh.text());
        assertEquals(List.of("0 ingediend (0%)", "0 bezig (0%)", "3 niet gestart (100%)"),
                fresh.select(".round-state__legend li").eachText());

        // some in progress
        Api adviser = app.api().login(Fixtures.adviseur(app, regio.codes().get(0)).email(), Fixtures.PASSWORD);
        Survey survey = survey(app);
        Scans.answer(adviser, Scans.start(adviser, roundId), survey.questions().findFirst().orElseThrow().key(), "3");
        Document busy = regio.coordinatorPages(app).get("/rondes/" + roundId).html();
        assertTrue(busy.selectFirst(".round-state").text().contains("Nog geen gemeente heeft ingediend. 1 van 3 is bezig."),
                busy.text());
        assertEquals(List.of("Gemeente", "Status"), busy.select(".benchmark-matrix thead th").eachText(),
                "only the status while nothing is submitted");
        assertEquals("Bezig (1%)", busy.selectFirst(".benchmark-matrix tbody tr:has(th:contains(" + regio.names().get(0) + ")) td").text());
        assertTrue(busy.select(".benchmark-matrix td.level").isEmpty());
        assertNull(busy.selectFirst(".benchmark-matrix tfoot"));
        assertNull(busy.selectFirst("h2:contains(Regio per bouwsteen)"), "no statistics of 'geen score'");
        assertFalse(busy.text().contains("geen score"), busy.text());
        assertTrue(busy.select("a[href*=/benchmark.]").isEmpty(), "no downloads without a submitted scan");
        assertTrue(busy.selectFirst("h2:contains(Rapporten) + p").text().contains("zodra ten minste één gemeente de scan heeft ingediend"));
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void onceAScanIsSubmittedTheMatrixTheStatisticsAndTheDownloadsAppear(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 4);
        long roundId = regio.openRound(app, LocalDate.now(Clocks.ZONE).minusDays(1), LocalDate.now(Clocks.ZONE).plusDays(30));
        Survey survey = survey(app);
        // A and C submitted (100 % and 33 %), B busy, D not started.
        Scans.submitAll(app, survey, roundId, regio.codes().get(0), "3");
        Scans.submitAll(app, survey, roundId, regio.codes().get(2), "1");
        Api busy = app.api().login(Fixtures.adviseur(app, regio.codes().get(1)).email(), Fixtures.PASSWORD);
        Scans.answer(busy, Scans.start(busy, roundId), survey.questions().findFirst().orElseThrow().key(), "3");

        Browser coordinator = regio.coordinatorPages(app);
        Document page = coordinator.get("/rondes/" + roundId).html();
        assertTrue(page.selectFirst(".round-state").text()
                .contains("2 van 4 gemeenten hebben ingediend; 1 is bezig en 1 is nog niet begonnen."), page.text());
        assertEquals(List.of("2 ingediend (50%)", "1 bezig (25%)", "1 niet gestart (25%)"),
                page.select(".round-state__legend li").eachText());
        List<String> heads = page.select(".benchmark-matrix thead th").eachText();
        assertEquals(List.of("Gemeente", "Status"), heads.subList(0, 2), "status first, after the name");
        assertEquals("Totaal", heads.get(heads.size() - 1));
        assertEquals(survey.bouwstenen().size() + 3, heads.size());
        assertEquals("Mediaan van de regio", page.selectFirst(".benchmark-matrix tfoot th").text());
        assertTrue(page.selectFirst(".benchmark-matrix tfoot td:last-child").text().startsWith("67%"),
                "median of 100 % and 33 %");
        assertTrue(page.selectFirst("h2:contains(Regio per bouwsteen)") != null);
        for (String format : List.of("pdf", "xlsx", "ods")) {
            String href = "/api/v1/rounds/" + roundId + "/benchmark." + format;
            assertEquals(1, page.select("a[href=" + href + "]").size(), format);
            assertEquals(200, coordinator.download(href).status(), format);
        }

        // Sorted by status: niet gestart, bezig, ingediend; "af" the other way round. The median stays below.
        List<String> names = regio.names();
        Document byStatus = coordinator.get("/rondes/" + roundId + "?sorteer=status&richting=op").html();
        assertEquals(List.of(names.get(3), names.get(1), names.get(0), names.get(2)),
                byStatus.select(".benchmark-matrix tbody th").eachText());
        assertEquals(List.of("Niet gestart", "Bezig (1%)", "Ingediend", "Ingediend"),
                byStatus.select(".benchmark-matrix tbody td.benchmark-matrix__status").eachText());
        Element statusHead = byStatus.selectFirst(".benchmark-matrix thead th:has(a:contains(Status))");
        assertEquals("ascending", statusHead.attr("aria-sort"));
        assertEquals("?sorteer=status&richting=af", statusHead.selectFirst("a").attr("href"));
        Document reversed = coordinator.get("/rondes/" + roundId + "?sorteer=status&richting=af").html();
        assertEquals(List.of(names.get(0), names.get(2), names.get(1), names.get(3)),
                reversed.select(".benchmark-matrix tbody th").eachText(), "ingediend first; within a status by name");
        assertEquals("Mediaan van de regio", reversed.selectFirst(".benchmark-matrix tfoot th").text());
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void aFutureRoundSaysWhenItOpensAndAClosedOneSinceWhenItIsClosed(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 2);
        LocalDate today = LocalDate.now(Clocks.ZONE);
        long future = regio.openRound(app, today.plusDays(5), today.plusDays(30));
        Document page = regio.coordinatorPages(app).get("/rondes/" + future).html();
        assertEquals("Opent op " + DutchFormat.date(today.plusDays(5)) + " (over 5 dagen) en is dan open tot en met "
                + DutchFormat.date(today.plusDays(30)) + ".", page.selectFirst(".round-state__when").text());
        assertTrue(page.select("a[href*=/benchmark.]").isEmpty());

        long closed = regio.openRound(app, LocalDate.now(Clocks.ZONE).minusDays(1), LocalDate.now(Clocks.ZONE).plusDays(30));
        Scans.submitAll(app, survey(app), closed, regio.codes().get(0), "2");
        Rounds.close(app, closed);
        Document closedPage = regio.coordinatorPages(app).get("/rondes/" + closed).html();
        LocalDate closes = LocalDate.now().minusDays(1);
        assertEquals("Gesloten sinds " + DutchFormat.date(closes.plusDays(1)) + ": de meetronde was open tot en met "
                + DutchFormat.date(closes) + ".", closedPage.selectFirst(".round-state__when").text());
        assertEquals(3, closedPage.select("a[href*=/benchmark.]").size(), "a closed round with a submitted scan has its reports");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void gemeentenWithoutAnActiveAdviserAreNamedWithALinkToInviteOne(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 3);
        long roundId = regio.openRound(app, LocalDate.now(Clocks.ZONE).minusDays(1), LocalDate.now(Clocks.ZONE).plusDays(30));
        Fixtures.adviseur(app, regio.codes().get(0));
        // B's only adviser is deactivated by the coordinator: B has none.
        Account deactivated = Fixtures.adviseur(app, regio.codes().get(1));
        Browser coordinator = regio.coordinatorPages(app);
        Response off = coordinator.post("/accounts/" + deactivated.id(), "displayName", "Oud", "role", "ADVISEUR",
                "gemeente", String.valueOf(Fixtures.gemeenteId(app, regio.codes().get(1))));
        assertEquals(303, off.status(), off::toString);

        Document page = coordinator.get("/rondes/" + roundId).html();
        Element action = page.selectFirst(".next-actions > li:contains(geen actieve beleidsadviseur)");
        assertTrue(action.text().startsWith("2 gemeenten hebben geen actieve beleidsadviseur"), action.text());
        assertEquals(List.of("Beleidsadviseur uitnodigen voor " + regio.names().get(1),
                "Beleidsadviseur uitnodigen voor " + regio.names().get(2)), action.select("a").eachText());
        assertEquals("/accounts/nieuw?rol=ADVISEUR&gemeente=" + regio.codes().get(2), action.select("a").get(1).attr("href"));

        // The link opens the form with the gemeente chosen, and inviting from it works.
        Document form = coordinator.get(action.select("a").get(1).attr("href")).html();
        assertEquals(String.valueOf(Fixtures.gemeenteId(app, regio.codes().get(2))),
                form.selectFirst("select#gemeente option[selected]").val());
        assertEquals("ADVISEUR", form.selectFirst("input[name=role]").val());
        Response invited = coordinator.post("/accounts", "email", "nieuw-" + System.nanoTime() + "@example.nl",
                "displayName", "Nieuwe adviseur", "role", "ADVISEUR", "active", "on",
                "gemeente", form.selectFirst("select#gemeente option[selected]").val());
        assertEquals(200, invited.status(), invited::toString);
        Element after = coordinator.get("/rondes/" + roundId).html().selectFirst(".next-actions > li:contains(geen actieve beleidsadviseur)");
        assertEquals(List.of("Beleidsadviseur uitnodigen voor " + regio.names().get(1)), after.select("a").eachText(),
                "an invited adviser counts: the gemeente has one once the link is used");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void theInviteFormPreselectsOnlyWhatTheActorMaySee(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 1);
        Browser coordinator = regio.coordinatorPages(app);
        // The dashboard's links name the gemeente by its CBS code; another regio's gemeente (Assen, Drenthe) answers
        // 404, like one that does not exist, and so do malformed codes.
        for (String query : List.of("rol=ADVISEUR&gemeente=GM0106", "gemeente=%3Cscript%3E", "gemeente=GM01060", "gemeente=GM9999")) {
            Response response = coordinator.get("/accounts/nieuw?" + query);
            assertEquals(404, response.status(), query);
            assertFalse(response.body().contains("Assen"), query);
        }
        assertEquals(400, coordinator.get("/accounts/nieuw?rol=BEHEERDER&gemeente=" + regio.codes().get(0)).status(),
                "a role a coordinator may not give");
        Document own = coordinator.get("/accounts/nieuw?rol=ADVISEUR&gemeente=" + regio.codes().get(0)).html();
        assertEquals(String.valueOf(Fixtures.gemeenteId(app, regio.codes().get(0))),
                own.selectFirst("select#gemeente option[selected]").val(), "the gemeente of the own regio chosen");
        assertEquals("ADVISEUR", own.selectFirst("input[name=role]").val());

        Browser beheerder = app.browser().login(BEHEERDER, TestApp.DEMO_PASSWORD);
        Document chosen = beheerder.get("/accounts/nieuw?rol=COORDINATOR").html();
        assertEquals("COORDINATOR", chosen.selectFirst("select#role option[selected]").val());
        assertEquals(400, beheerder.get("/accounts/nieuw?rol=NIEMAND").status());
        assertEquals(String.valueOf(Fixtures.gemeenteId(app, "GM0106")), beheerder.get("/accounts/nieuw?gemeente=GM0106")
                .html().selectFirst("select#gemeente option[selected]").val(), "the beheerder sees every gemeente");
    }

    @ParameterizedTest
    @MethodSource(APPS)
    void reopeningAScanIsConfirmedAndTheCoordinatorIsToldWhyAScanIsReadOnly(TestApp app) {
        Fixtures.Regio regio = Fixtures.regio(app, 2);
        long roundId = regio.openRound(app, LocalDate.now(Clocks.ZONE).minusDays(1), LocalDate.now(Clocks.ZONE).plusDays(30));
        Survey survey = survey(app);
        long submitted = Scans.submitAll(app, survey, roundId, regio.codes().get(0), "2");
        Api busy = app.api().login(Fixtures.adviseur(app, regio.codes().get(1)).email(), Fixtures.PASSWORD);
        long busyScan = Scans.start(busy, roundId);

        Browser coordinator = regio.coordinatorPages(app);
        Response reopened = coordinator.post("/scans/" + submitted + "/heropenen", "reason", "Bouwsteen 3 opnieuw bekijken.");
        assertEquals(303, reopened.status(), reopened::toString);
        assertTrue(reopened.location().endsWith("/scans/" + submitted + "?melding=heropend"), reopened.location());
        Document start = coordinator.get(reopened.location()).html();
        assertEquals("Scan heropend; de gemeente kan hem weer aanpassen.", start.selectFirst(".utrecht-alert--ok").text());
        assertNull(coordinator.get("/scans/" + submitted).html().selectFirst(".utrecht-alert--ok"), "only after the reopen");

        String why = "U bekijkt de scan van gemeente " + regio.names().get(1)
                + "; alleen de beleidsadviseurs van de gemeente kunnen hem invullen.";
        assertTrue(coordinator.get("/scans/" + busyScan).html().text().contains(why));
        String firstPart = survey.bouwstenen().get(0).key();
        assertTrue(coordinator.get("/scans/" + busyScan + "/deel/" + firstPart).html().text().contains(why));
        assertFalse(app.browser().login(Fixtures.adviseur(app, regio.codes().get(1)).email(), Fixtures.PASSWORD)
                .get("/scans/" + busyScan).html().text().contains("U bekijkt de scan"), "the adviser fills it in");
    }

    private static Survey survey(TestApp app) {
        return app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
    }
}
