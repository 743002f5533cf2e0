package nl.quickscan.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import nl.quickscan.plans.ActionStatus;
import nl.quickscan.plans.PlanAction;
import nl.quickscan.plans.PlanOverview;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.scoring.Comparison;
import nl.quickscan.scoring.Highlights;
import nl.quickscan.scoring.LevelBand;
import nl.quickscan.scoring.PlanCheck;
import nl.quickscan.scoring.Results;
import nl.quickscan.scoring.Scoring;
import nl.quickscan.scoring.SharedFigures;
import nl.quickscan.surveys.Survey;
import nl.quickscan.text.DutchFormat;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gemeenterapport as an accessible PDF: page 1 a summary for the college (where the gemeente stands, its
 * strongest points, the next steps, its position in the regio, what is still unknown), then the contents, how the
 * quickscan works, a section per bouwsteen, the verbeterplan, the kengetallen and the position in the regio. Every figure comes from
 * {@link ReportData}; this class only lays it out.
 */
final class GemeenteReportPdf {

    private static final Color BASELINE_FILL = new Color(200, 200, 200);
    private static final Color MEDIAN = new Color(26, 26, 26);

    byte[] render(ReportData data, LocalDate today) {
        ScanRow scan = data.scan();
        return TaggedPdf.render("Gemeenterapport " + scan.gemeenteName() + " – " + Reports.PRODUCT, pdf -> {
            summary(pdf, data, today);
            pdf.newPage();
            pdf.heading(1, "Inhoud");
            pdf.tableOfContents(1);
            method(pdf, data);
            for (Scoring.BouwsteenScore bouwsteen : data.current().bouwstenen()) {
                pdf.newPage();
                bouwsteen(pdf, data, bouwsteen);
            }
            plan(pdf, data);
            kengetallen(pdf, data);
            position(pdf, data);
        });
    }

    // ---- page 1 ------------------------------------------------------------------------------------------------

    private void summary(TaggedPdf pdf, ReportData data, LocalDate today) {
        ScanRow scan = data.scan();
        Scoring.Result result = data.current();
        pdf.heading(1, "Gemeenterapport " + scan.gemeenteName() + " (" + scan.cbsCode() + ")");
        if (scan.imported()) {
            pdf.paragraph(new Phrase(rounds(data) + " · " + scan.importedLabel() + " · rapport van "
                    + DutchFormat.date(today), pdf.small));
        } else if (scan.submitted()) {
            pdf.paragraph(new Phrase(rounds(data) + " · ingediend" + (scan.submittedAt() == null ? "" : " op "
                    + DutchFormat.dateTime(scan.submittedAt())) + (scan.submittedByName() == null ? "" : " door "
                    + scan.submittedByName()) + " · rapport van " + DutchFormat.date(today), pdf.small));
        } else {
            pdf.paragraph(new Phrase(rounds(data) + " · rapport van " + DutchFormat.date(today), pdf.small));
            pdf.paragraph(new Phrase("VOORLOPIG: deze scan is nog niet ingediend. De scores kunnen nog veranderen.", pdf.strong));
        }

        List<Chunk> total = new ArrayList<>(List.of(new Chunk("Totaalscore: " + DutchFormat.percent(result.total())
                + (result.totalLevel() == null ? "" : ", niveau " + result.totalLevel().label()) + ". ", pdf.strong)));
        data.baselineTotal().ifPresent(before -> total.add(new Chunk("Bij de nulmeting was dat " + DutchFormat.percent(before)
                + data.totalDifference().map(d -> " (" + DutchFormat.points(d) + " procentpunt)").orElse("") + ". ", pdf.body)));
        if (result.totalLevel() != null) {
            total.add(new Chunk(result.totalLevel().description(), pdf.body));
        }
        pdf.paragraph(pdf.phrase(total.toArray(Chunk[]::new)));
        chart(pdf, data);

        Highlights highlights = data.highlights();
        pdf.heading(2, "Sterke punten");
        if (highlights.strongest().isEmpty()) {
            pdf.paragraph("Nog geen stelling met punten.");
        } else {
            pdf.list(highlights.strongest().stream().map(q -> pdf.phrase(new Chunk(q.question().text(), pdf.body),
                    new Chunk(" (" + DutchFormat.percent(q.percent()) + ")", pdf.small))).toList());
        }
        pdf.heading(2, "De belangrijkste volgende stappen");
        if (highlights.weakest().isEmpty()) {
            pdf.paragraph("Geen: elke beantwoorde stelling heeft de volle punten.");
        } else {
            pdf.list(highlights.weakest().stream().map(q -> pdf.phrase(new Chunk(q.question().text(), pdf.strong),
                    new Chunk(" (" + DutchFormat.percent(q.percent()) + ")", pdf.small), Chunk.NEWLINE,
                    new Chunk(q.recommendation(), pdf.body))).toList());
        }
        pdf.heading(2, "Positie in de regio");
        pdf.paragraph(data.position().isEmpty() ? SharedFigures.POSITION_NOT_YET : "In de grafiek is de mediaan van de andere "
                + "gemeenten in de regio een zwarte streep. De cijfers en hoe ze tot stand komen staan in het laatste hoofdstuk.");
        pdf.heading(2, "Nog niet bekend");
        pdf.paragraph(unknown(highlights, result, scan.submitted()));
    }

    private static String rounds(ReportData data) {
        String round = data.scan().roundName();
        return data.baselineRoundName().map(before -> round + " naast " + before).orElse(round);
    }

    private static String unknown(Highlights highlights, Scoring.Result result, boolean submitted) {
        StringBuilder text = new StringBuilder();
        int count = highlights.toFindOutCount();
        if (count == 0) {
            text.append("Bij geen enkele stelling is \"Weet ik niet\" gekozen.");
        } else {
            text.append("Bij ").append(count).append(count == 1 ? " stelling" : " stellingen").append(" is \"Weet ik niet\" gekozen (")
                    .append(highlights.toFindOut().stream().map(group -> shortTitle(group.bouwsteenTitle()) + ": " + group.questions().size())
                            .collect(Collectors.joining("; ")))
                    .append("). Die tellen als 0 punten, maar zeggen niets over de aanpak. Zoek ze uit met collega's of ketenpartners")
                    .append(submitted ? "." : " en pas het antwoord aan.");
        }
        if (result.unanswered() > 0) {
            text.append(" Nog niet beantwoord: ").append(result.unanswered()).append(result.unanswered() == 1 ? " stelling" : " stellingen")
                    .append("; ook die tellen als 0 punten.");
        }
        return text.toString();
    }

    /**
     * Horizontal bars per bouwsteen on a 0–100 % axis with the level bands marked; for a herhaling the nulmeting's
     * bar (light grey, outlined) above the herhaling's (blue), so the two differ in greyscale print too; the
     * regio's median as a black stroke where it may be shown.
     */
    private void chart(TaggedPdf pdf, ReportData data) {
        List<Scoring.BouwsteenScore> bouwstenen = data.current().bouwstenen();
        boolean baseline = data.hasBaseline();
        Map<String, Double> medians = new HashMap<>();
        data.position().forEach(p -> medians.put(p.key(), p.median()));
        float width = pdf.width();
        float labelWidth = 150;
        float left = labelWidth + 8;
        float barWidth = width - left - 34;
        float barHeight = 8;
        float row = baseline ? 2 * barHeight + 7 : barHeight + 12;
        // The legend sits under the bouwsteen labels, left of the axis, each entry wrapped to that column.
        List<LegendEntry> legend = new ArrayList<>();
        if (!medians.isEmpty()) {
            legend.add(new LegendEntry(null, null, "Mediaan andere gemeenten"));
        }
        legend.add(new LegendEntry(TaggedPdf.ACCENT, null, round(data.scan().roundKind(), data.scan().roundName())));
        data.baselineRoundName().ifPresent(name -> legend.add(new LegendEntry(BASELINE_FILL, TaggedPdf.MUTED,
                round(Meetronde.Kind.NULMETING, name))));
        float legendTextWidth = labelWidth - 18;
        int legendLines = legend.stream().mapToInt(entry -> pdf.lines(entry.label, legendTextWidth, 8).size()).sum();
        float axis = Math.max(20, legendLines * 10 + legend.size() + 3);
        float bands = 14;
        float height = axis + bouwstenen.size() * row + bands;
        List<LevelBand> levels = LevelBand.of(data.survey());
        pdf.figure(chartAlt(data, medians), width, height, chart -> {
            float top = height - bands;
            float bottom = axis;
            for (LevelBand band : levels) {
                float from = left + (float) (barWidth * band.from() / 100);
                float to = left + (float) (barWidth * band.to() / 100);
                if (!band.first()) {
                    chart.line(from, bottom, from, top + 12, TaggedPdf.MUTED, 0.6f, 2);
                }
                chart.text(band.level().label(), (from + to) / 2, top + 3, 7.5f, Element.ALIGN_CENTER, false, TaggedPdf.MUTED);
            }
            chart.percentAxis(left, bottom, barWidth, 25, bottom);
            float y = top;
            for (Scoring.BouwsteenScore b : bouwstenen) {
                List<String> label = chart.lines(b.title().replaceFirst("^Bouwsteen (\\d+)\\. ", "$1. "), labelWidth, 8.5f);
                float labelTop = y - (row - label.size() * 10) / 2 - 8;
                for (String line : label) {
                    chart.text(line, 0, labelTop, 8.5f);
                    labelTop -= 10;
                }
                float barTop = y - (baseline ? 3 : 5);
                Double median = medians.get(b.key());
                // A value label starts right of the median's stroke where that would cross it.
                float medianAt = median == null ? 0 : left + (float) (barWidth * median / 100);
                if (median != null) {
                    chart.line(medianAt, y - 3, medianAt, y - row + 5, MEDIAN, 2, 0);
                }
                if (baseline) {
                    bar(chart, left, barTop - barHeight, barWidth, barHeight, data.baselineScore(b.key()), BASELINE_FILL,
                            TaggedPdf.MUTED, medianAt);
                    barTop -= barHeight + 1;
                }
                bar(chart, left, barTop - barHeight, barWidth, barHeight, b.score(), TaggedPdf.ACCENT, null, medianAt);
                y -= row;
            }
            float legendY = 4;
            for (LegendEntry entry : legend) {
                List<String> lines = chart.lines(entry.label, legendTextWidth, 8);
                float textY = legendY + 10 * (lines.size() - 1);
                if (entry.fill == null) {
                    chart.line(4, textY - 2, 4, textY + 8, MEDIAN, 2, 0);
                } else {
                    chart.rectangle(0, textY - 1, 12, 8, entry.fill, entry.outline);
                }
                for (String line : lines) {
                    chart.text(line, 18, textY, 8);
                    textY -= 10;
                }
                legendY += 10 * lines.size() + 1;
            }
        });
    }

    private static void bar(PdfChart chart, float x, float y, float width, float height, Double score, Color fill, Color outline,
            float medianAt) {
        float length = score == null ? 0 : (float) (width * score / 100);
        if (length > 0) {
            chart.rectangle(x, y, length, height, fill, outline);
        }
        String label = DutchFormat.percent(score);
        float labelAt = x + length + 3;
        if (labelAt < medianAt + 3 && labelAt + chart.textWidth(label, 8, false) > medianAt - 2) {
            labelAt = medianAt + 4;
        }
        chart.text(label, labelAt, y + 1.5f, 8);
    }

    /** A swatch (a black stroke where {@code fill} is null) and its label. */
    private record LegendEntry(Color fill, Color outline, String label) {
    }

    /** "Herhaling 2027" as it is; "Voorjaar 2027" as "Herhaling (Voorjaar 2027)", so the legend says which is which. */
    private static String round(Meetronde.Kind kind, String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(kind.label().toLowerCase(Locale.ROOT)) ? name
                : kind.label() + " (" + name + ")";
    }

    /** "Bouwsteen 4. Plan van aanpak" → "Bouwsteen 4", where a list names many bouwstenen; other titles stay whole. */
    private static String shortTitle(String title) {
        return title.replaceFirst("^(Bouwsteen \\d+)\\. .*$", "$1");
    }

    /** The chart in words, for a screen reader. */
    private static String chartAlt(ReportData data, Map<String, Double> medians) {
        String bars = data.current().bouwstenen().stream().map(b -> b.title() + ": "
                + (data.hasBaseline() ? "nulmeting " + DutchFormat.percent(data.baselineScore(b.key())) + ", herhaling " : "")
                + DutchFormat.percent(b.score()) + (b.level() == null ? "" : " (" + b.levelText() + ")")
                + (medians.containsKey(b.key()) ? ", mediaan andere gemeenten " + DutchFormat.percent(medians.get(b.key())) : ""))
                .collect(Collectors.joining("; "));
        return "Staafdiagram van de score per bouwsteen, van 0 tot 100 procent. " + bars + ".";
    }

    // ---- method ------------------------------------------------------------------------------------------------

    /** How the scores come about, from the survey itself: its answer scales, the special answers and the levels. */
    private void method(TaggedPdf pdf, ReportData data) {
        Survey survey = data.survey();
        pdf.heading(1, "Zo werkt de quickscan");
        pdf.paragraph("Bij elke stelling kiest de gemeente het antwoord dat het best past. Elk antwoord geeft punten:");
        // One line per answer scale the survey uses ("Nee, (nog) niet: 0 · … punten"), in the order they first appear.
        List<Survey.Question> scored = survey.questions().filter(Survey.Question::scored).toList();
        pdf.list(pdf.phrases(scored.stream().map(q -> q.options().stream().filter(o -> o.points() != null && !o.uncertain())
                .map(o -> o.label() + ": " + o.points()).collect(Collectors.joining(" · ")) + " punten").distinct().toList()));
        List<Survey.AnswerOption> options = scored.stream().flatMap(q -> q.options().stream()).toList();
        List<String> rules = new ArrayList<>();
        options.stream().filter(Survey.AnswerOption::uncertain).map(Survey.AnswerOption::label).distinct().forEach(label -> rules.add(
                "\"" + label + "\" geeft 0 punten en telt wel mee in het maximum: het laat zien wat nog uitgezocht moet worden."));
        options.stream().filter(Survey.AnswerOption::notApplicable).map(Survey.AnswerOption::label).distinct().forEach(label -> rules.add(
                "\"" + label + "\" telt niet mee: de stelling valt buiten de score én buiten het maximum. De gemeente licht toe waarom."));
        rules.add("Een stelling zonder antwoord telt als 0 punten.");
        pdf.list(pdf.phrases(rules));
        boolean weighted = scored.stream().map(Survey.Question::weight).distinct().count() > 1;
        boolean bouwsteenWeights = survey.bouwstenen().stream().map(Survey.Bouwsteen::weight).distinct().count() > 1;
        pdf.paragraph("De score van een bouwsteen is het aantal behaalde punten als percentage van het hoogst haalbare"
                + (weighted ? "; sommige stellingen wegen zwaarder" : "") + ". De totaalscore is het "
                + (bouwsteenWeights ? "gewogen gemiddelde" : "gemiddelde") + " van de bouwstenen. Scores staan er afgerond op hele "
                + "procenten; het niveau hoort bij de score vóór afronding, dus een score net onder een grens kan als die grens "
                + "worden getoond en toch bij het lagere niveau horen.");
        pdf.paragraph("Elke score valt in een niveau:");
        TaggedPdf.Table levels = new TaggedPdf.Table(2, 1.6f, 6).rowHeaders()
                .header(List.of(pdf.headerCell("Niveau"), pdf.headerCell("Score"), pdf.headerCell("Wat het betekent")));
        LevelBand.of(survey).forEach(band -> levels.row(List.of(pdf.cell(band.level().label()), pdf.cell(band.range()),
                pdf.cell(band.level().description()))));
        pdf.table(levels);
    }

    // ---- per bouwsteen -----------------------------------------------------------------------------------------

    private void bouwsteen(TaggedPdf pdf, ReportData data, Scoring.BouwsteenScore b) {
        pdf.heading(1, b.title());
        List<Chunk> score = new ArrayList<>(List.of(new Chunk("Score: " + DutchFormat.percent(b.score())
                + (b.level() == null ? "" : ", niveau " + b.levelText()) + ". ", pdf.strong)));
        data.bouwsteenChange(b.key()).filter(c -> c.before() != null).ifPresent(c -> score.add(new Chunk("Bij de nulmeting: "
                + DutchFormat.percent(c.before()) + (c.difference() == null ? "" : " (" + DutchFormat.points(c.difference())
                + " procentpunt)") + ". ", pdf.body)));
        if (b.level() != null) {
            score.add(new Chunk(b.level().description(), pdf.body));
        }
        pdf.paragraph(pdf.phrase(score.toArray(Chunk[]::new)));
        pdf.paragraph(new Phrase("Telt mee: " + b.counted() + " · Niet beantwoord: " + b.unanswered() + " · Weet ik niet: "
                + b.unknown() + " · Niet van toepassing: " + b.notApplicable(), pdf.small));
        List<Scoring.ThemeScore> themes = data.themes(b);
        Survey.Bouwsteen bouwsteen = data.bouwsteen(b);
        if (themes.isEmpty()) {
            b.questions().forEach(q -> statement(pdf, data, bouwsteen, q));
            bouwsteen.unscoredApart(null).forEach(q -> unscored(pdf, data, q));
            return;
        }
        for (Scoring.ThemeScore theme : themes) {
            pdf.heading(2, theme.title());
            pdf.paragraph(new Phrase("Score: " + DutchFormat.percent(theme.score())
                    + (theme.level() == null ? "" : ", niveau " + theme.level().label()), pdf.strong));
            theme.questions().forEach(q -> statement(pdf, data, bouwsteen, q));
            bouwsteen.unscoredApart(theme.key()).forEach(q -> unscored(pdf, data, q));
        }
    }

    /** A question that does not count in the score (a follow-up below its statement): its text and answer. */
    private void unscored(TaggedPdf pdf, ReportData data, Survey.Question question) {
        pdf.paragraph(pdf.phrase(new Chunk(question.text() + " ", pdf.body), new Chunk("Antwoord: ", pdf.strong),
                new Chunk(data.answerLabel(question), pdf.body)));
        String comment = data.comment(question);
        if (!comment.isEmpty()) {
            pdf.paragraph(pdf.phrase(new Chunk("Toelichting: ", pdf.strong), new Chunk(comment, pdf.body)));
        }
    }

    /** A statement with the answer, for a herhaling the nulmeting's answer and the change, toelichting, recommendation. */
    private void statement(TaggedPdf pdf, ReportData data, Survey.Bouwsteen bouwsteen, Scoring.QuestionScore q) {
        pdf.ensure(70);
        pdf.rule();
        pdf.paragraph(new Phrase(q.question().text(), pdf.strong));
        List<Chunk> answer = new ArrayList<>(List.of(new Chunk("Antwoord: ", pdf.strong), new Chunk(data.answerLabel(q.question()), pdf.body)));
        if (data.hasBaseline()) {
            Comparison.Direction direction = data.change(q.question().key()).map(Comparison.QuestionChange::direction)
                    .orElse(Comparison.Direction.NEW);
            // "Weet ik niet" on one side is already in the answers; its direction would only repeat it.
            String change = direction == Comparison.Direction.UNKNOWN ? "" : " · " + direction.label();
            answer.add(new Chunk("   Nulmeting: ", pdf.strong));
            answer.add(new Chunk(data.baselineLabel(q.question().key()) + change, pdf.body));
        }
        pdf.paragraph(pdf.phrase(answer.toArray(Chunk[]::new)));
        String comment = data.comment(q.question());
        if (!comment.isEmpty()) {
            pdf.paragraph(pdf.phrase(new Chunk("Toelichting: ", pdf.strong), new Chunk(comment, pdf.body)));
        }
        if (Highlights.recommended(q)) {
            pdf.paragraph(pdf.phrase(new Chunk("Aanbeveling: ", pdf.strong), new Chunk(q.recommendation(), pdf.body)));
        }
        bouwsteen.followUpsOf(q.question().key()).forEach(followUp -> unscored(pdf, data, followUp));
    }

    // ---- verbeterplan ------------------------------------------------------------------------------------------

    /**
     * The gemeente's actions per bouwsteen as the plan's page groups them, each with its status, owner and due date;
     * for a herhaling, an action made from the nulmeting with its statements then and now.
     */
    private void plan(TaggedPdf pdf, ReportData data) {
        PlanOverview plan = data.plan();
        pdf.newPage();
        pdf.heading(1, "Verbeterplan");
        if (plan.actions() == 0) {
            pdf.paragraph("Er staan nog geen acties in het verbeterplan van " + data.scan().gemeenteName() + ". Een adviseur "
                    + "van de gemeente maakt ze in de quickscan op de pagina Verbeterplan, of vanaf de resultaten van de "
                    + "scan met \"Zet in het verbeterplan\".");
            return;
        }
        pdf.paragraph(plan.summary()
                + (data.planChecks().isEmpty() ? "" : " Bij de acties uit de nulmeting staat per stelling het antwoord "
                + "bij de nulmeting en nu, en de ontwikkeling."));
        for (PlanOverview.Group group : plan.groups()) {
            pdf.heading(2, group.title());
            long done = group.items().stream().filter(item -> item.action().status() == ActionStatus.AFGEROND).count();
            pdf.paragraph(new Phrase(ActionStatus.AFGEROND.label() + ": " + done + " van de "
                    + DutchFormat.count(group.items().size(), "actie", "acties") + ".", pdf.small));
            group.items().forEach(item -> action(pdf, data, item));
        }
    }

    private void action(TaggedPdf pdf, ReportData data, PlanOverview.Item item) {
        PlanAction action = item.action();
        pdf.ensure(60);
        pdf.rule();
        pdf.paragraph(new Phrase(action.title(), pdf.strong));
        pdf.paragraph(pdf.phrase(new Chunk("Status: ", pdf.strong),
                new Chunk(action.status().label() + (item.overdue() ? " – " + PlanAction.OVERDUE : ""), pdf.body),
                new Chunk("   Eigenaar: ", pdf.strong), new Chunk(orNone(action.owner()), pdf.body),
                new Chunk("   Einddatum: ", pdf.strong), new Chunk(action.due() == null ? DutchFormat.NONE
                        : DutchFormat.date(action.due()), pdf.body)));
        if (action.partners() != null && !action.partners().isBlank()) {
            pdf.paragraph(pdf.phrase(new Chunk("Partners: ", pdf.strong), new Chunk(action.partners(), pdf.body)));
        }
        if (action.description() != null && !action.description().isBlank()) {
            pdf.paragraph(new Phrase(action.description(), pdf.body));
        }
        Optional<PlanCheck> check = data.planCheck(action.id());
        if (check.isPresent()) {
            Results.ScanComparison comparison = data.comparison().orElseThrow();
            pdf.list(check.get().statements().stream().map(statement -> pdf.phrase(new Chunk(statement.text(), pdf.body),
                    Chunk.NEWLINE, new Chunk("Nulmeting: " + statement.before(comparison) + " → herhaling: "
                            + statement.after(comparison) + " – " + statement.direction().label(), pdf.small))).toList());
        } else if (!item.statements().isEmpty()) {
            pdf.list(pdf.phrases(item.statements().stream().map(PlanOverview.Statement::text).toList()));
        }
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? DutchFormat.NONE : text;
    }

    // ---- kengetallen and position ------------------------------------------------------------------------------

    private void kengetallen(TaggedPdf pdf, ReportData data) {
        if (data.kengetallen().isEmpty()) {
            return;
        }
        pdf.newPage();
        pdf.heading(1, "Kengetallen");
        pdf.paragraph("Deze cijfers tellen niet mee in de score. Ze helpen om de aanpak in verhouding te zien, bijvoorbeeld "
                + "tot het aantal inwoners.");
        boolean baseline = data.hasBaseline();
        TaggedPdf.Table table = baseline ? new TaggedPdf.Table(5, 2.2f, 2.2f, 3) : new TaggedPdf.Table(5, 2.4f, 3.4f);
        List<TaggedPdf.Cell> header = new ArrayList<>(List.of(pdf.headerCell("Kengetal"),
                pdf.headerCell(baseline ? "Herhaling" : "Antwoord")));
        if (baseline) {
            header.add(pdf.headerCell("Nulmeting"));
        }
        header.add(pdf.headerCell("Toelichting"));
        table.rowHeaders().header(header);
        for (Survey.Question question : data.kengetallen()) {
            List<TaggedPdf.Cell> row = new ArrayList<>();
            row.add(new TaggedPdf.Cell(pdf.phrase(new Chunk(data.kengetalText(question), pdf.tableText), Chunk.NEWLINE,
                    new Chunk("Bron: " + question.sourcesLabel(), pdf.small)), null, Element.ALIGN_LEFT));
            row.add(pdf.cell(data.kengetalLabel(question)));
            if (baseline) {
                row.add(pdf.cell(data.baselineKengetalLabel(question)));
            }
            row.add(pdf.cell(data.comment(question)));
            table.row(row);
        }
        pdf.table(table);
    }

    private void position(TaggedPdf pdf, ReportData data) {
        if (data.position().isEmpty()) {
            return;
        }
        pdf.heading(1, "Positie in de regio");
        pdf.paragraph(SharedFigures.EXPLANATION);
        TaggedPdf.Table table = new TaggedPdf.Table(5, 1.6f, 1.6f, 1.6f, 1.6f).rowHeaders().header(List.of(
                pdf.headerCell("Bouwsteen"), pdf.headerCell("Uw score", Element.ALIGN_RIGHT),
                pdf.headerCell("Gemiddelde regio", Element.ALIGN_RIGHT), pdf.headerCell("Mediaan regio", Element.ALIGN_RIGHT),
                pdf.headerCell("Aantal gemeenten", Element.ALIGN_RIGHT)));
        for (Results.Position p : data.position()) {
            table.row(List.of(pdf.cell(p.title()), number(pdf, DutchFormat.percent(p.own())), number(pdf, DutchFormat.percent(p.mean())),
                    number(pdf, DutchFormat.percent(p.median())), number(pdf, String.valueOf(p.n()))));
        }
        pdf.table(table);
    }

    private static TaggedPdf.Cell number(TaggedPdf pdf, String text) {
        return pdf.cell(text, null, Element.ALIGN_RIGHT);
    }
}
