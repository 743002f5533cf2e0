package nl.quickscan.apidocs;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.web.router.Router;
import nl.quickscan.support.Api;
import nl.quickscan.support.Browser;
import nl.quickscan.support.Fixtures;
import nl.quickscan.support.Response;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI description (src/main/resources/openapi/quickscan-api.yaml) against the app: it names exactly the
 * routes the app serves under /api/v1, its examples are valid by its own schemas, and what the API really answers,
 * status codes included, is valid by them too. A schema lists every field (no others allowed), so a field added to
 * an answer without adding it to the description fails here.
 */
class OpenApiTest {

    private static final ApiDescription DESCRIPTION = new ApiDescription();
    private static final Map<String, Object> OPEN_API = DESCRIPTION.tree();
    private static final List<String> METHODS = List.of("get", "post", "put", "delete");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final String SURVEY = "quickscan-seksueel-geweld";

    @Test
    void theDescriptionIsServedAsWrittenAndIsAWellFormedOpenApiDocument() {
        HttpResponse<byte[]> served = TestApp.h2().api().download(ApiDocsController.YAML_PATH);
        assertEquals(200, served.statusCode());
        assertEquals("application/yaml; charset=utf-8", served.headers().firstValue("Content-Type").orElse(""));
        String text = new String(served.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(DESCRIPTION.text(), text);
        Map<String, Object> parsed = ApiDescription.parse(text);

        assertEquals("3.1.0", parsed.get("openapi"));
        assertFalse(text(map(parsed.get("info")).get("title")).isBlank());
        assertFalse(text(map(parsed.get("info")).get("version")).isBlank());
        Set<String> tags = list(parsed.get("tags")).stream().map(tag -> text(map(tag).get("name"))).collect(Collectors.toSet());
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        operations(parsed).forEach((route, operation) -> {
            if (!operationIds.add(text(operation.get("operationId")))) {
                problems.add(route + ": operationId missing or used twice");
            }
            if (text(operation.get("summary")).isBlank()) {
                problems.add(route + ": no summary");
            }
            if (list(operation.get("tags")).size() != 1 || !tags.contains(text(list(operation.get("tags")).get(0)))) {
                problems.add(route + ": not in exactly one declared tag");
            }
            Map<String, Object> responses = map(operation.get("responses"));
            if (responses.isEmpty()) {
                problems.add(route + ": no responses");
            }
            responses.forEach((status, response) -> {
                if (!String.valueOf(status).matches("[1-5][0-9][0-9]")) {
                    problems.add(route + ": response key " + status + " is not a status code");
                }
                if (text(resolve(map(response)).get("description")).isBlank()) {
                    problems.add(route + " " + status + ": no description");
                }
            });
            Set<String> pathParameters = list(operation.get("parameters")).stream().map(p -> resolve(map(p)))
                    .filter(p -> "path".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required")))
                    .map(p -> text(p.get("name"))).collect(Collectors.toSet());
            Matcher names = Pattern.compile("\\{([^}]+)}").matcher(route);
            Set<String> inTemplate = new HashSet<>();
            while (names.find()) {
                inTemplate.add(names.group(1));
            }
            if (!inTemplate.equals(pathParameters)) {
                problems.add(route + ": path parameters " + pathParameters + " do not match the template's " + inTemplate);
            }
        });
        references(parsed, "", problems);
        assertEquals(List.of(), problems);
    }

    @Test
    void everyApiRouteIsDescribedAndEveryDescribedOperationIsServed() {
        Set<String> served = TestApp.h2().bean(Router.class).uriRoutes()
                .filter(route -> !route.getHttpMethodName().equals("HEAD"))
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString())
                .filter(route -> route.contains(" /api/v1/"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, new TreeSet<>(operations(OPEN_API).keySet().stream()
                .map(route -> route.substring(0, route.indexOf(' ')).toUpperCase() + route.substring(route.indexOf(' '))).toList()),
                "routes served under /api/v1 vs. operations of the description");
    }

    @Test
    void everyExampleIsValidByItsSchema() {
        List<String> problems = new ArrayList<>();
        int[] examples = {0};
        operations(OPEN_API).forEach((route, operation) -> {
            list(operation.get("parameters")).forEach(value -> {
                Map<String, Object> parameter = resolve(map(value));
                if (parameter.containsKey("example")) {
                    examples[0]++;
                    problems.addAll(problems(route + " parameter " + parameter.get("name"), map(parameter.get("schema")),
                            JSON.valueToTree(parameter.get("example"))));
                }
            });
            mediaExamples(route + " request", map(map(operation.get("requestBody")).get("content")), problems, examples);
            map(operation.get("responses")).forEach((status, response) -> {
                if (!map(response).containsKey("$ref")) {
                    mediaExamples(route + " " + status, map(map(response).get("content")), problems, examples);
                }
            });
        });
        map(components().get("responses")).forEach((name, response) ->
                mediaExamples("response " + name, map(map(response).get("content")), problems, examples));
        assertEquals(List.of(), problems);
        assertTrue(examples[0] > 70, "examples checked: " + examples[0]);
    }

    /** Examples that a schema must refuse: the schemas are strict, so that the checks above and below mean something. */
    @Test
    void theSchemasRefuseWhatTheApiDoesNotAnswer() {
        Map<String, Object> scan = Map.of("$ref", "#/components/schemas/Scan");
        assertFalse(problems("extra field", scan, tree("""
                {"id": 1, "roundId": 2, "gemeente": null, "regio": null, "status": "SUBMITTED", "progress": 100,
                 "submittedAt": null, "answers": [], "source": "IMPORT"}""")).isEmpty());
        assertFalse(problems("unknown status", scan, tree("""
                {"id": 1, "roundId": 2, "gemeente": null, "regio": null, "status": "KLAAR", "progress": 100,
                 "submittedAt": null, "answers": []}""")).isEmpty());
        assertFalse(problems("not a moment", scan, tree("""
                {"id": 1, "roundId": 2, "gemeente": null, "regio": null, "status": "SUBMITTED", "progress": 100,
                 "submittedAt": "gisteren", "answers": []}""")).isEmpty());
        assertFalse(problems("missing progress", Map.of("$ref", "#/components/schemas/SavedAnswer"), tree("""
                {"questionKey": "a", "value": "1", "comment": null, "version": 1, "updatedBy": "X",
                 "updatedAt": "2026-01-01T10:00:00Z", "answeredBy": "GEMEENTE"}""")).isEmpty());
        assertTrue(problems("a valid answer", Map.of("$ref", "#/components/schemas/Answer"), tree("""
                {"questionKey": "a", "value": "1", "comment": null, "version": 1, "updatedBy": "X",
                 "updatedAt": "2026-01-01T10:00:00Z", "answeredBy": "GEMEENTE"}""")).isEmpty());
    }

    /** A script's day on the API: every answer it gets, errors included, is one the description names and allows. */
    @ParameterizedTest
    @MethodSource("nl.quickscan.support.TestApp#all")
    void whatTheApiAnswersIsValidByTheDescription(TestApp app) {
        Checked checked = new Checked();
        Survey survey = app.bean(SurveyCatalog.class).find(SURVEY, 1).orElseThrow();
        List<String> keys = survey.questions().map(Survey.Question::key).toList();
        LocalDate today = LocalDate.now();
        Fixtures.Regio regio = Fixtures.regio(app, 2);
        String code = regio.codes().get(0);
        Api anonymous = app.api();
        Api coordinator = app.api().login(regio.coordinator().email(), Fixtures.PASSWORD);
        Api beheerder = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD);
        String adviserEmail = Fixtures.adviseur(app, code).email();
        Api adviser = app.api().login(adviserEmail, Fixtures.PASSWORD);
        Api neighbour = app.api().login(Fixtures.adviseur(app, regio.codes().get(1)).email(), Fixtures.PASSWORD);

        checked.of("POST /api/v1/auth/token", anonymous.postJson("/api/v1/auth/token",
                "{\"username\":\"" + adviserEmail + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"), 200);
        checked.of("POST /api/v1/auth/token", anonymous.postJson("/api/v1/auth/token",
                "{\"username\":\"" + adviserEmail + "\",\"password\":\"niet-het-wachtwoord\"}"), 401);
        checked.of("POST /api/v1/auth/token", anonymous.postJson("/api/v1/auth/token", "{\"username\":\"geen-adres\"}"), 422);
        checked.of("GET /api/v1/me", anonymous.get("/api/v1/me"), 401);
        checked.of("GET /api/v1/me", adviser.get("/api/v1/me"), 200);
        checked.of("GET /api/v1/me", coordinator.get("/api/v1/me"), 200);
        checked.of("GET /api/v1/me", beheerder.get("/api/v1/me"), 200);
        checked.of("GET /api/v1/regios", coordinator.get("/api/v1/regios"), 200);
        checked.of("GET /api/v1/gemeenten", coordinator.get("/api/v1/gemeenten"), 200);
        checked.of("GET /api/v1/gemeenten/{cbsCode}", adviser.get("/api/v1/gemeenten/" + code), 200);
        checked.of("GET /api/v1/gemeenten/{cbsCode}", adviser.get("/api/v1/gemeenten/" + regio.codes().get(1)), 404);

        long nulmeting = id(checked.of("POST /api/v1/rounds", coordinator.postJson("/api/v1/rounds", round("Nulmeting", "NULMETING",
                null, today.minusDays(1), today.plusDays(30))), 201));
        checked.of("POST /api/v1/rounds", adviser.postJson("/api/v1/rounds", round("Nulmeting", "NULMETING", null,
                today.minusDays(1), today.plusDays(30))), 403);
        checked.of("POST /api/v1/rounds", coordinator.postJson("/api/v1/rounds", "{\"name\": 3"), 400);
        checked.of("PUT /api/v1/rounds/{id}", coordinator.send("PUT", "/api/v1/rounds/" + nulmeting, "application/json",
                "{\"name\": \"Nulmeting " + nulmeting + "\", \"opens\": \"" + today.minusDays(1) + "\", \"closes\": \""
                        + today.plusDays(40) + "\", \"reminderDaysBefore\": 5}", Map.of()), 200);
        checked.of("PUT /api/v1/rounds/{id}", coordinator.send("PUT", "/api/v1/rounds/" + nulmeting, "application/json",
                "{\"name\": \"Nulmeting " + nulmeting + "\", \"opens\": \"" + today.minusDays(1) + "\", \"closes\": \""
                        + today.minusDays(5) + "\"}", Map.of()), 422);
        checked.of("GET /api/v1/rounds", coordinator.get("/api/v1/rounds"), 200);
        checked.of("GET /api/v1/rounds", adviser.get("/api/v1/rounds"), 200);

        long scan = id(checked.of("POST /api/v1/scans", adviser.postJson("/api/v1/scans", "{\"roundId\": " + nulmeting + "}"), 201));
        checked.of("POST /api/v1/scans", adviser.postJson("/api/v1/scans", "{}"), 422);
        checked.of("GET /api/v1/scans/{id}", neighbour.get("/api/v1/scans/" + scan), 404);
        String answer = "/api/v1/scans/" + scan + "/answers/" + keys.get(0);
        checked.of("PUT /api/v1/scans/{id}/answers/{questionKey}", adviser.send("PUT", answer, "application/json",
                "{\"value\": \"2\", \"comment\": \"Visie in concept.\", \"version\": 0}", Map.of()), 200);
        checked.of("PUT /api/v1/scans/{id}/answers/{questionKey}", adviser.send("PUT", answer, "application/json",
                "{\"value\": \"3\", \"version\": 0}", Map.of()), 409);
        checked.of("PUT /api/v1/scans/{id}/answers/{questionKey}", adviser.send("PUT", answer, "application/json",
                "{\"value\": \"zeven\", \"version\": 1}", Map.of()), 422);
        checked.of("PUT /api/v1/scans/{id}/answers/{questionKey}", coordinator.send("PUT", answer, "application/json",
                "{\"value\": \"3\", \"version\": 1}", Map.of()), 403);
        checked.of("POST /api/v1/scans/{id}/submit", adviser.postJson("/api/v1/scans/" + scan + "/submit", ""), 422);
        checked.of("GET /api/v1/scans/{id}/scores", adviser.get("/api/v1/scans/" + scan + "/scores"), 200);
        keys.stream().skip(1).forEach(key -> Scans.answer(adviser, scan, key, key.equals(keys.get(1)) ? "WEET_NIET" : "2"));
        checked.of("POST /api/v1/scans/{id}/submit", adviser.postJson("/api/v1/scans/" + scan + "/submit", ""), 200);
        checked.of("GET /api/v1/scans", adviser.get("/api/v1/scans?round=" + nulmeting), 200);
        checked.of("GET /api/v1/scans", coordinator.get("/api/v1/scans"), 200);
        checked.of("GET /api/v1/scans/{id}", coordinator.get("/api/v1/scans/" + scan), 200);
        checked.of("GET /api/v1/scans/{id}/scores", adviser.get("/api/v1/scans/" + scan + "/scores"), 200);
        checked.of("GET /api/v1/scans/{id}/comparison", adviser.get("/api/v1/scans/" + scan + "/comparison"), 404);
        checked.of("GET /api/v1/scans/{id}/baseline", adviser.get("/api/v1/scans/" + scan + "/baseline"), 404);
        Scans.submitAll(app, survey, nulmeting, regio.codes().get(1), "3");
        checked.of("GET /api/v1/rounds/{id}/benchmark", coordinator.get("/api/v1/rounds/" + nulmeting + "/benchmark"), 200);
        checked.of("GET /api/v1/rounds/{id}/benchmark", adviser.get("/api/v1/rounds/" + nulmeting + "/benchmark"), 403);
        checked.of("GET /api/v1/rounds/{id}/development", coordinator.get("/api/v1/rounds/" + nulmeting + "/development"), 404);
        checked.of("DELETE /api/v1/rounds/{id}", coordinator.send("DELETE", "/api/v1/rounds/" + nulmeting, "application/json", "", Map.of()), 409);
        checked.of("POST /api/v1/rounds/{id}/reminders", coordinator.postJson("/api/v1/rounds/" + nulmeting + "/reminders", "{}"), 200, 409);

        String action = "{\"title\": \"Gedeelde visie opstellen\", \"questionKeys\": [\"" + keys.get(0) + "\"], \"sourceScanId\": "
                + scan + ", \"due\": \"2030-06-30\", \"shared\": true";
        long actionId = id(checked.of("POST /api/v1/gemeenten/{cbsCode}/actions",
                adviser.postJson("/api/v1/gemeenten/" + code + "/actions", action + "}"), 201));
        checked.of("POST /api/v1/gemeenten/{cbsCode}/actions", adviser.postJson("/api/v1/gemeenten/" + code + "/actions",
                "{\"title\": \"\", \"questionKeys\": []}"), 422);
        checked.of("POST /api/v1/gemeenten/{cbsCode}/actions", neighbour.postJson("/api/v1/gemeenten/" + code + "/actions",
                action + "}"), 404);
        checked.of("PUT /api/v1/actions/{id}", adviser.send("PUT", "/api/v1/actions/" + actionId, "application/json",
                action + ", \"status\": \"BEZIG\", \"version\": 1}", Map.of()), 200);
        checked.of("PUT /api/v1/actions/{id}", adviser.send("PUT", "/api/v1/actions/" + actionId, "application/json",
                action + ", \"status\": \"AFGEROND\", \"version\": 1}", Map.of()), 409);
        checked.of("POST /api/v1/actions/{id}/notes", adviser.postJson("/api/v1/actions/" + actionId + "/notes",
                "{\"text\": \"Eerste overleg gepland.\"}"), 201);
        checked.of("GET /api/v1/gemeenten/{cbsCode}/actions", adviser.get("/api/v1/gemeenten/" + code + "/actions"), 200);
        checked.of("GET /api/v1/gemeenten/{cbsCode}/actions", coordinator.get("/api/v1/gemeenten/" + code + "/actions"), 200);
        checked.of("GET /api/v1/rounds/{id}/actions", coordinator.get("/api/v1/rounds/" + nulmeting + "/actions"), 200);
        checked.of("GET /api/v1/rounds/{id}/actions", adviser.get("/api/v1/rounds/" + nulmeting + "/actions"), 403);

        long herhaling = id(checked.of("POST /api/v1/rounds", coordinator.postJson("/api/v1/rounds", round("Herhaling", "HERHALING",
                nulmeting, today.minusDays(1), today.plusDays(30))), 201));
        long repeat = id(checked.of("POST /api/v1/scans", adviser.postJson("/api/v1/scans", "{\"roundId\": " + herhaling + "}"), 201));
        keys.forEach(key -> Scans.answer(adviser, repeat, key, key.equals(keys.get(2)) ? "WEET_NIET" : "3"));
        checked.of("GET /api/v1/scans/{id}/baseline", adviser.get("/api/v1/scans/" + repeat + "/baseline"), 200);
        checked.of("GET /api/v1/scans/{id}/comparison", adviser.get("/api/v1/scans/" + repeat + "/comparison"), 200);
        checked.of("POST /api/v1/scans/{id}/submit", adviser.postJson("/api/v1/scans/" + repeat + "/submit", ""), 200);
        checked.of("GET /api/v1/rounds/{id}/development", coordinator.get("/api/v1/rounds/" + herhaling + "/development"), 200);
        checked.of("POST /api/v1/scans/{id}/reopen", coordinator.postJson("/api/v1/scans/" + repeat + "/reopen",
                "{\"reason\": \"Bouwsteen 3 aanvullen.\"}"), 200);
        checked.of("POST /api/v1/scans/{id}/reopen", adviser.postJson("/api/v1/scans/" + repeat + "/reopen",
                "{\"reason\": \"Zelf heropenen.\"}"), 403);
        long empty = id(checked.of("POST /api/v1/rounds", coordinator.postJson("/api/v1/rounds", round("Leeg", "NULMETING", null,
                today.plusDays(10), today.plusDays(40))), 201));
        checked.of("DELETE /api/v1/rounds/{id}", coordinator.send("DELETE", "/api/v1/rounds/" + empty, "application/json", "", Map.of()), 204);
        checked.of("DELETE /api/v1/rounds/{id}", coordinator.send("DELETE", "/api/v1/rounds/" + empty, "application/json", "", Map.of()), 404);

        checked.of("GET /api/v1/surveys", adviser.get("/api/v1/surveys"), 200);
        checked.of("GET /api/v1/surveys", beheerder.get("/api/v1/surveys"), 200);
        checked.of("GET /api/v1/surveys/{id}/{version}", adviser.get("/api/v1/surveys/" + SURVEY + "/1"), 200);
        checked.of("GET /api/v1/surveys/{id}/{version}", adviser.get("/api/v1/surveys/" + SURVEY + "/2"), 200);
        checked.of("GET /api/v1/surveys/{id}/{version}", adviser.get("/api/v1/surveys/onbekend/1"), 404);
        checked.of("POST /api/v1/surveys", adviser.send("POST", "/api/v1/surveys", "text/yaml", "id: x", Map.of()), 403);
        checked.of("POST /api/v1/surveys", beheerder.send("POST", "/api/v1/surveys", "text/yaml", "id: [", Map.of()), 422);
        checked.of("POST /api/v1/surveys/{id}/{version}/publish", beheerder.postJson("/api/v1/surveys/onbekend/1/publish", ""), 404);
        checked.of("POST /api/v1/surveys/{id}/{version}/publish", beheerder.postJson("/api/v1/surveys/" + SURVEY + "/1/publish", ""), 409);

        checked.of("GET /api/v1/me/session", adviser.get("/api/v1/me/session"), 200);
        checked.of("POST /api/v1/me/session/extend", adviser.postJson("/api/v1/me/session/extend", "{}"), 409);
        Browser browser = app.browser().login(adviserEmail, Fixtures.PASSWORD);
        checked.of("GET /api/v1/me/session", browser.fetchJson("GET", "/api/v1/me/session", null), 200);
        checked.of("POST /api/v1/me/session/extend", browser.fetchJson("POST", "/api/v1/me/session/extend", browser.csrfToken()), 200);
        checked.of("POST /api/v1/me/session/extend", browser.fetchJson("POST", "/api/v1/me/session/extend", null), 403);
        checked.of("POST /api/v1/me/totp", adviser.postJson("/api/v1/me/totp", ""), 200);
        checked.of("POST /api/v1/me/totp/confirm", adviser.postJson("/api/v1/me/totp/confirm", "{\"code\": \"abc\"}"), 422);

        checked.file("GET /api/v1/scans/{id}/report.xlsx", adviser.download("/api/v1/scans/" + scan + "/report.xlsx"), 200);
        checked.file("GET /api/v1/scans/{id}/report.ods", neighbour.download("/api/v1/scans/" + scan + "/report.ods"), 404);
        checked.file("GET /api/v1/rounds/{id}/benchmark.xlsx", coordinator.download("/api/v1/rounds/" + nulmeting + "/benchmark.xlsx"), 200);
        checked.file("GET /api/v1/benchmark/national.ods", adviser.download("/api/v1/benchmark/national.ods"), 403);
        checked.file("GET /api/v1/rounds/{id}/import-template.xlsx", coordinator.download("/api/v1/rounds/" + nulmeting + "/import-template.xlsx"), 200);
        checked.file("GET /api/v1/rounds/{id}/import-template.ods", adviser.download("/api/v1/rounds/" + nulmeting + "/import-template.ods"), 403);
        checked.of("POST /api/v1/rounds/{id}/import", coordinator.postFile("/api/v1/rounds/" + nulmeting + "/import?dryRun=true",
                "geen-werkmap.xlsx", "geen werkmap".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 422);
        checked.of("POST /api/v1/rounds/{id}/import", coordinator.postFile("/api/v1/rounds/" + nulmeting + "/import?dryRun=true",
                "sjabloon.xlsx", coordinator.download("/api/v1/rounds/" + nulmeting + "/import-template.xlsx").body()), 200);
        checked.file("GET /api/v1/gemeenten/{cbsCode}/export.zip", adviser.download("/api/v1/gemeenten/" + code + "/export.zip"), 200);
        checked.file("GET /api/v1/gemeenten/{cbsCode}/export.zip", coordinator.download("/api/v1/gemeenten/" + code + "/export.zip"), 403);
        checked.file("GET /api/v1/gemeenten/{cbsCode}/export.zip", adviser.download("/api/v1/gemeenten/" + regio.codes().get(1) + "/export.zip"), 404);

        Set<String> notChecked = new TreeSet<>(operations(OPEN_API).keySet());
        notChecked.removeAll(checked.operations);
        assertEquals(Set.of("get /api/v1/benchmark/national.xlsx", "get /api/v1/docs", "get /api/v1/openapi.yaml",
                        "get /api/v1/rounds/{id}/benchmark.ods", "get /api/v1/rounds/{id}/benchmark.pdf",
                        "get /api/v1/scans/{id}/report.pdf"), notChecked,
                "operations not exercised here (files and the documentation, which other tests download)");
    }

    @Test
    void thePageShowsEveryOperationAndSchemaOfTheDescription() {
        Response page = TestApp.h2().browser().get(ApiDocsController.PAGE_PATH);
        assertEquals(200, page.status(), page::toString);
        Document html = page.html();
        Set<String> shown = html.select("article.api-operation h3").stream().map(h -> h.text()).collect(Collectors.toSet());
        Set<String> described = operations(OPEN_API).keySet().stream()
                .map(route -> route.substring(0, route.indexOf(' ')).toUpperCase() + route.substring(route.indexOf(' ')))
                .collect(Collectors.toSet());
        assertEquals(described, shown);
        map(components().get("schemas")).keySet().forEach(name ->
                assertNotNull(html.getElementById(ApiDocsPage.schemaAnchor(name)), "schema " + name));
        html.select("a[href^=#]").forEach(link -> assertNotNull(html.getElementById(link.attr("href").substring(1)),
                "link to " + link.attr("href")));
        assertTrue(html.select("pre.api-example").stream().anyMatch(pre -> pre.text().contains("\"access_token\"")),
                "the token's example as JSON");
        assertTrue(html.text().contains("lijst van Scan"), "types read in Dutch with the schema's name");
    }

    /** The operations checked against real answers, by "method path". */
    private final class Checked {
        final Set<String> operations = new HashSet<>();

        Response of(String route, Response response, int... expected) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase();
            String path = route.substring(route.indexOf(' ') + 1);
            assertTrue(java.util.Arrays.stream(expected).anyMatch(status -> status == response.status()),
                    () -> route + ": " + response);
            Map<String, Object> described = described(method, path, response.status());
            Map<String, Object> content = map(described.get("content"));
            if (content.isEmpty()) {
                assertEquals("", response.body(), route + " " + response.status() + " has no body");
            } else {
                assertTrue(response.contentType().startsWith("application/json"), route + ": " + response.contentType());
                assertEquals(List.of(), problems(route + " " + response.status(), map(map(content.get("application/json")).get("schema")),
                        tree(response.body())), response.body());
            }
            operations.add(method + " " + path);
            return response;
        }

        void file(String route, HttpResponse<byte[]> response, int expected) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase();
            String path = route.substring(route.indexOf(' ') + 1);
            assertEquals(expected, response.statusCode(), route);
            Map<String, Object> content = map(described(method, path, expected).get("content"));
            String type = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(content.keySet().stream().anyMatch(type::startsWith), route + ": " + type + " is not one of " + content.keySet());
            if (type.startsWith("application/json")) {
                assertEquals(List.of(), problems(route, map(map(content.get("application/json")).get("schema")),
                        tree(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8))));
            }
            operations.add(method + " " + path);
        }

        private Map<String, Object> described(String method, String path, int status) {
            Map<String, Object> operation = map(map(map(OPEN_API.get("paths")).get(path)).get(method));
            assertFalse(operation.isEmpty(), method + " " + path + " is not described");
            Object response = map(operation.get("responses")).get(String.valueOf(status));
            assertNotNull(response, method + " " + path + " answered " + status + ", which its description does not name");
            return resolve(map(response));
        }
    }

    private static String round(String name, String kind, Long baseline, LocalDate opens, LocalDate closes) {
        return "{\"name\": \"" + name + " " + System.nanoTime() + "\", \"kind\": \"" + kind + "\", \"surveyId\": \"" + SURVEY
                + "\", \"surveyVersion\": 1, \"opens\": \"" + opens + "\", \"closes\": \"" + closes + "\""
                + (baseline == null ? "" : ", \"baselineRoundId\": " + baseline) + "}";
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private static long id(Response response) {
        return ((Number) response.json().get("id")).longValue();
    }

    /** What the schema finds wrong with the value: the schema sits in a document with the description's components. */
    private static List<String> problems(String where, Map<String, Object> schema, JsonNode value) {
        ObjectNode document = JSON.createObjectNode();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.set("components", JSON.valueToTree(components()));
        document.set("allOf", JSON.createArrayNode().add(JSON.valueToTree(schema)));
        List<Error> errors = SCHEMAS.getSchema(document).validate(value,
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(error -> where + ": " + error).toList();
    }

    private static void mediaExamples(String where, Map<String, Object> content, List<String> problems, int[] count) {
        content.forEach((mediaType, value) -> {
            Map<String, Object> media = map(value);
            Map<String, Object> schema = map(media.get("schema"));
            if (media.containsKey("example")) {
                count[0]++;
                problems.addAll(problems(where + " " + mediaType, schema, JSON.valueToTree(media.get("example"))));
            }
            map(media.get("examples")).forEach((name, example) -> {
                count[0]++;
                problems.addAll(problems(where + " " + mediaType + " " + name, schema, JSON.valueToTree(map(example).get("value"))));
            });
        });
    }

    /** Every $ref points at something in the document. */
    private static void references(Object node, String where, List<String> problems) {
        if (node instanceof Map<?, ?> object) {
            Object ref = object.get("$ref");
            if (ref != null && pointer(String.valueOf(ref)) == null) {
                problems.add(where + ": $ref " + ref + " points at nothing");
            }
            object.forEach((key, value) -> references(value, where + "/" + key, problems));
        } else if (node instanceof List<?> array) {
            for (int i = 0; i < array.size(); i++) {
                references(array.get(i), where + "/" + i, problems);
            }
        }
    }

    private static Object pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        Object node = OPEN_API;
        for (String step : ref.substring(2).split("/")) {
            node = map(node).get(step);
        }
        return node;
    }

    /** "method path" of every operation, in the description's order. */
    private static Map<String, Map<String, Object>> operations(Map<String, Object> openApi) {
        Map<String, Map<String, Object>> operations = new java.util.LinkedHashMap<>();
        map(openApi.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            assertTrue(METHODS.contains(method), path + ": " + method);
            operations.put(method + " " + path, map(operation));
        }));
        return operations;
    }

    private static Map<String, Object> components() {
        return map(OPEN_API.get("components"));
    }

    private static Map<String, Object> resolve(Map<String, Object> value) {
        return value.containsKey("$ref") ? map(pointer(String.valueOf(value.get("$ref")))) : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
