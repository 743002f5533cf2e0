package nl.quickscan.scans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.surveys.Survey;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.FormValues;

import java.time.Clock;
import java.time.LocalDate;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The pages of a scan. They work without JavaScript: each bouwsteen is one form, and saving sends every changed
 * answer with the version it was based on, so that a colleague's newer answer is never overwritten.
 */
@Controller("/scans")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class ScanPages {

    @Serdeable
    record StartForm(@Nullable String roundId) {
    }

    @Serdeable
    record ReopenForm(@Nullable String reason) {
    }

    private final ScanService service;
    private final ScanRepository scans;
    private final RoundRepository rounds;
    private final Clock clock;

    ScanPages(ScanService service, ScanRepository scans, RoundRepository rounds, Clock clock) {
        this.clock = clock;
        this.service = service;
        this.scans = scans;
        this.rounds = rounds;
    }

    /** The adviser's dashboard: the rounds of their regio and the state of their gemeente's scan in each. */
    @Get
    @Secured(Role.Names.ADVISEUR)
    ModelAndView<Map<String, Object>> dashboard(TenantScope scope) {
        Map<Long, ScanRow> byRound = scans.listVisible(scope).stream()
                .collect(Collectors.toMap(ScanRow::roundId, scan -> scan));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Meetronde round : rounds.listVisible(scope)) {
            Map<String, Object> row = new HashMap<>();
            row.put("round", round);
            row.put("open", round.openOn(LocalDate.now(clock)));
            ScanRow scan = byRound.get(round.id());
            if (scan != null) {
                ScanService.ScanView view = service.view(scope, scan.id());
                row.put("scan", scan);
                row.put("status", scan.status().label());
                row.put("percent", view.percent());
                row.put("parts", view.progress());
            } else {
                row.put("status", "Niet gestart");
            }
            rows.add(row);
        }
        return page("Mijn quickscans", "scans/dashboard", Map.of("rows", rows));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> start(CurrentAccount adviser, TenantScope scope, @Body StartForm form) {
        long roundId = FormValues.id(form.roundId()).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "ronde"));
        return HttpResponse.seeOther(URI.create("/scans/" + service.start(adviser, scope, roundId).id()));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> overview(CurrentAccount account, TenantScope scope, @PathVariable long id,
                                               @Nullable @QueryValue String ingediend) {
        ScanService.ScanView view = service.view(scope, id);
        Map<String, Object> model = overviewModel(account, view);
        if (ingediend != null && view.scan().submitted()) {
            model.put("notice", "De scan is ingediend. Dank u wel!");
        }
        return page("Quickscan " + view.scan().gemeenteName(), "scans/overview", model);
    }

    @Post(value = "/{id}/indienen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> submit(CurrentAccount adviser, TenantScope scope, @PathVariable long id) {
        Map<String, List<String>> missing = service.submit(adviser, scope, id);
        if (missing.isEmpty()) {
            return HttpResponse.seeOther(URI.create("/scans/" + id + "?ingediend=1"));
        }
        ScanService.ScanView view = service.view(scope, id);
        Map<String, Object> model = overviewModel(adviser, view);
        model.put("missing", missingList(view, missing));
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(page("Quickscan " + view.scan().gemeenteName(), "scans/overview", model));
    }

    @Post(value = "/{id}/heropenen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured({Role.Names.COORDINATOR, Role.Names.BEHEERDER})
    HttpResponse<?> reopen(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body ReopenForm form) {
        service.reopen(actor, scope, id, form.reason());
        return HttpResponse.seeOther(URI.create("/scans/" + id));
    }

    @Get("/{id}/deel/{part}")
    ModelAndView<Map<String, Object>> part(CurrentAccount account, TenantScope scope, @PathVariable long id,
                                           @PathVariable String part, @Nullable @QueryValue String opgeslagen) {
        ScanService.ScanView view = service.view(scope, id);
        Map<String, Object> model = partModel(account, view, part, Map.of(), Map.of());
        if (opgeslagen != null) {
            model.put("notice", "Uw antwoorden zijn opgeslagen.");
        }
        return page(String.valueOf(model.get("partTitle")), "scans/part", model);
    }

    /**
     * Saves the answers of one part. Fields per question: {@code value.<key>}, {@code comment.<key>} and
     * {@code version.<key>} (the version the page showed). Only changed answers are saved.
     */
    @Post(value = "/{id}/deel/{part}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(Role.Names.ADVISEUR)
    HttpResponse<?> save(CurrentAccount adviser, TenantScope scope, @PathVariable long id, @PathVariable String part,
                         @Body Map<String, String> form) {
        ScanService.ScanView view = service.view(scope, id);
        List<Survey.Question> questions = questionsOf(view.survey(), part);
        Map<String, String> problems = new HashMap<>();
        Map<String, AnswerRow> conflicts = new HashMap<>();
        for (Survey.Question question : questions) {
            String key = question.key();
            String value = form.get("value." + key);
            String comment = form.get("comment." + key);
            int version = FormValues.id(form.get("version." + key)).map(Long::intValue).orElse(0);
            AnswerRow stored = view.answers().get(key);
            boolean changed = !Objects.equals(AnswerRules.normalize(question, value), stored == null ? null : stored.answerValue())
                    || !Objects.equals(AnswerRules.normalizeComment(comment), stored == null ? null : stored.comment());
            if (!changed) {
                continue;
            }
            ScanService.SaveResult result = service.save(adviser, scope, id, key, value, comment, version);
            if (result instanceof ScanService.SaveResult.Conflict conflict) {
                conflicts.put(key, conflict.current());
            } else if (result instanceof ScanService.SaveResult.Rejected rejected) {
                problems.put(key, rejected.message());
            }
        }
        if (!problems.isEmpty() || !conflicts.isEmpty()) {
            ScanService.ScanView fresh = service.view(scope, id);
            Map<String, Object> model = partModel(adviser, fresh, part, problems, conflicts);
            keepRejectedInput(model, problems, form);
            return HttpResponse.status(conflicts.isEmpty() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT)
                    .body(page(String.valueOf(model.get("partTitle")), "scans/part", model));
        }
        String target = switch (form.getOrDefault("action", "opslaan")) {
            case "volgende" -> neighbour(view.survey(), part, 1).map(next -> "/scans/" + id + "/deel/" + next).orElse("/scans/" + id);
            case "vorige" -> neighbour(view.survey(), part, -1).map(prev -> "/scans/" + id + "/deel/" + prev).orElse("/scans/" + id);
            default -> "/scans/" + id + "/deel/" + part + "?opgeslagen=1";
        };
        return HttpResponse.seeOther(URI.create(target));
    }

    /** A refused answer stays in the form as typed, so that nothing the user wrote is lost. */
    @SuppressWarnings("unchecked")
    private static void keepRejectedInput(Map<String, Object> model, Map<String, String> problems, Map<String, String> form) {
        for (Map<String, Object> item : (List<Map<String, Object>>) model.get("items")) {
            Survey.Question question = (Survey.Question) item.get("question");
            if (problems.containsKey(question.key())) {
                String value = form.get("value." + question.key());
                item.put("value", value);
                item.put("comment", form.get("comment." + question.key()));
                item.put("options", options(question, value, (String) item.get("describedBy"), true));
            }
        }
    }

    static String conflictMessage(@Nullable AnswerRow current) {
        if (current == null) {
            return "Uw wijziging is niet opgeslagen: de pagina was verouderd. Laad de vraag opnieuw.";
        }
        return "Uw wijziging is niet opgeslagen: " + current.updatedByName() + " heeft deze vraag intussen beantwoord. "
                + "Bekijk dat antwoord en sla daarna opnieuw op als u het wilt wijzigen.";
    }

    private Map<String, Object> overviewModel(CurrentAccount account, ScanService.ScanView view) {
        Map<String, Object> model = new HashMap<>();
        model.put("scan", view.scan());
        model.put("status", view.scan().status().label());
        model.put("percent", view.percent());
        model.put("parts", view.progress());
        model.put("editable", view.editable() && account.is(Role.ADVISEUR));
        model.put("canReopen", view.scan().submitted() && !account.is(Role.ADVISEUR));
        model.put("survey", view.survey());
        return model;
    }

    private static List<Map<String, Object>> missingList(ScanService.ScanView view, Map<String, List<String>> missing) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Progress.Part part : view.progress()) {
            List<String> keys = missing.get(part.key());
            if (keys == null) {
                continue;
            }
            List<Map<String, String>> questions = keys.stream().map(key -> {
                Survey.Question question = ScanService.questionOf(view.survey(), key).orElseThrow();
                AnswerRow answer = view.answers().get(key);
                String why = answer != null && answer.answerValue() != null ? "toelichting ontbreekt" : "nog niet beantwoord";
                return Map.of("key", key, "text", question.text(), "why", why);
            }).toList();
            list.add(Map.of("key", part.key(), "title", part.title(), "questions", questions));
        }
        return list;
    }

    private Map<String, Object> partModel(CurrentAccount account, ScanService.ScanView view, String part,
                                          Map<String, String> problems, Map<String, AnswerRow> conflicts) {
        List<Survey.Question> questions = questionsOf(view.survey(), part);
        Map<String, List<AnswerChange>> history = service.history(view).stream()
                .collect(Collectors.groupingBy(AnswerChange::questionKey));
        boolean editable = view.editable() && account.is(Role.ADVISEUR);
        List<Map<String, Object>> items = new ArrayList<>();
        String currentTheme = null;
        for (Survey.Question question : questions) {
            AnswerRow answer = view.answers().get(question.key());
            Map<String, Object> item = new HashMap<>();
            item.put("question", question);
            item.put("answer", answer);
            item.put("version", answer == null ? 0 : answer.version());
            item.put("value", answer == null ? null : answer.answerValue());
            item.put("comment", answer == null ? null : answer.comment());
            boolean problem = problems.containsKey(question.key());
            String describedBy = describedBy(question, problem);
            item.put("describedBy", describedBy);
            item.put("options", options(question, answer == null ? null : answer.answerValue(), describedBy, problem));
            item.put("valueLabel", label(question, answer == null ? null : answer.answerValue()));
            item.put("history", history.getOrDefault(question.key(), List.of()).stream().map(change -> Map.of(
                    "change", change, "from", label(question, change.oldValue()), "to", label(question, change.newValue())))
                    .toList());
            item.put("problem", problems.get(question.key()));
            if (conflicts.containsKey(question.key())) {
                item.put("conflict", conflictMessage(conflicts.get(question.key())));
                AnswerRow current = conflicts.get(question.key());
                item.put("conflictValue", label(question, current == null ? null : current.answerValue()));
                item.put("conflictComment", current == null ? null : current.comment());
            }
            if (question.theme() != null && !question.theme().equals(currentTheme)) {
                currentTheme = question.theme();
                String themeKey = currentTheme;
                view.survey().bouwstenen().stream().flatMap(b -> b.themes().stream())
                        .filter(theme -> theme.key().equals(themeKey)).findFirst()
                        .ifPresent(theme -> item.put("themeTitle", theme.title()));
            }
            items.add(item);
        }
        Progress.Part progress = view.progress().stream().filter(p -> p.key().equals(part)).findFirst().orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("scan", view.scan());
        model.put("part", part);
        model.put("partTitle", progress.title());
        model.put("progress", progress);
        model.put("parts", view.progress());
        model.put("items", items);
        model.put("editable", editable);
        model.put("description", view.survey().bouwstenen().stream().filter(b -> b.key().equals(part))
                .map(Survey.Bouwsteen::description).findFirst().orElse("Deze cijfers tellen niet mee in de score."));
        neighbour(view.survey(), part, -1).ifPresent(prev -> model.put("previous", prev));
        neighbour(view.survey(), part, 1).ifPresent(next -> model.put("next", next));
        return model;
    }

    /**
     * The radio buttons of a question, with their ids and references worked out here: the page has more than a
     * hundred of them, and each lookup of a parent value in the template costs more than building the string.
     */
    private static List<Map<String, Object>> options(Survey.Question question, @Nullable String value, String describedBy,
                                                    boolean invalid) {
        return question.options().stream().map(option -> Map.<String, Object>of(
                "id", question.key() + "-" + option.value(),
                "name", "value." + question.key(),
                "value", option.value(),
                "label", option.label(),
                "checked", option.value().equals(value),
                "describedBy", describedBy,
                "invalid", invalid)).toList();
    }

    /** The help text, and the error message when there is one, describe the question's input. */
    private static String describedBy(Survey.Question question, boolean problem) {
        return "help-" + question.key() + (problem ? " error-" + question.key() : "");
    }

    /** In the history and beside a colleague's answer an empty value reads "(leeg)", as a step in a change. */
    private static String label(Survey.Question question, @Nullable String value) {
        return value == null ? "(leeg)" : question.answerLabel(value);
    }

    private static List<Survey.Question> questionsOf(Survey survey, String part) {
        if (part.equals(Progress.KENGETALLEN) && !survey.kengetallen().isEmpty()) {
            return survey.kengetallen();
        }
        return survey.bouwstenen().stream().filter(b -> b.key().equals(part)).findFirst()
                .map(Survey.Bouwsteen::questions)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "deel"));
    }

    private static java.util.Optional<String> neighbour(Survey survey, String part, int step) {
        List<String> keys = new ArrayList<>(survey.bouwstenen().stream().map(Survey.Bouwsteen::key).toList());
        if (!survey.kengetallen().isEmpty()) {
            keys.add(Progress.KENGETALLEN);
        }
        int index = keys.indexOf(part) + step;
        return index >= 0 && index < keys.size() && keys.contains(part) ? java.util.Optional.of(keys.get(index)) : java.util.Optional.empty();
    }

    private static ModelAndView<Map<String, Object>> page(String title, String view, Map<String, Object> content) {
        Map<String, Object> model = new HashMap<>(content);
        model.put("title", title);
        return new ModelAndView<>(view, model);
    }
}
