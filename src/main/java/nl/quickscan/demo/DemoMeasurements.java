package nl.quickscan.demo;

import jakarta.inject.Singleton;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.plans.ActionRepository;
import nl.quickscan.plans.ActionRules;
import nl.quickscan.plans.ActionStatus;
import nl.quickscan.scans.AnswerRepository;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.scans.ScanRepository;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import nl.quickscan.tenancy.Gemeente;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's measurements, so that a first look at the app shows the policy cycle with real-looking data: regio
 * Groningen held its nulmeting on survey version 1 a year ago (closed; nine of its ten gemeenten submitted, several
 * made a verbeterplan from it) and is now in its herhaling on version 2 (open; the coordinator answered the regio
 * part, half the gemeenten submitted, some are busy, one has not started). Regio Drenthe has no rounds: it shows the
 * start. Written once, when regio Groningen has no rounds yet; the same every time (a fixed seed, dates relative to
 * today).
 */
@Singleton
class DemoMeasurements {

    static final String REGIO = "Groningen";
    static final String NULMETING = "Nulmeting";
    static final String HERHALING = "Herhaling";
    private static final String SURVEY = "quickscan-seksueel-geweld";
    private static final long SEED = 2026;
    /** The gemeenten of the herhaling that are busy with it, and the one that has not started; the others submitted. */
    private static final List<String> BUSY = List.of("GM1952", "GM0765", "GM1950");
    private static final String NOT_STARTED = "GM0047";
    /** The gemeente that did not take part in the nulmeting. */
    private static final String NO_NULMETING = "GM1895";
    /** The gemeenten that made a verbeterplan from their nulmeting. */
    private static final List<String> WITH_PLAN = List.of("GM0014", "GM1952", "GM1969", "GM1966");

    private final RegioRepository regios;
    private final GemeenteRepository gemeenten;
    private final AccountRepository accounts;
    private final RoundRepository rounds;
    private final ScanRepository scans;
    private final AnswerRepository answers;
    private final ActionRepository actions;
    private final SurveyCatalog surveys;
    private final Clock clock;

    DemoMeasurements(RegioRepository regios, GemeenteRepository gemeenten, AccountRepository accounts,
                     RoundRepository rounds, ScanRepository scans, AnswerRepository answers, ActionRepository actions,
                     SurveyCatalog surveys, Clock clock) {
        this.regios = regios;
        this.gemeenten = gemeenten;
        this.accounts = accounts;
        this.rounds = rounds;
        this.scans = scans;
        this.answers = answers;
        this.actions = actions;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** Writes the measurements unless regio Groningen has rounds; call in a transaction, after the demo accounts. */
    void writeUnlessPresent() {
        Regio regio = regios.findByName(REGIO).orElseThrow();
        if (rounds.listVisible(TenantScope.platform()).stream().anyMatch(round -> round.regioId() == regio.id())) {
            return;
        }
        Survey v1 = surveys.find(SURVEY, 1).orElseThrow();
        Survey v2 = surveys.find(SURVEY, 2).orElseThrow();
        Random random = new Random(SEED);
        LocalDate today = LocalDate.now(clock);
        long coordinator = account("coordinator." + StartupData.slug(REGIO));

        LocalDate nulmetingOpens = today.minusMonths(13);
        Meetronde nulmeting = rounds.save(new Meetronde(null, regio.id(), NULMETING + " " + nulmetingOpens.getYear(),
                Meetronde.Kind.NULMETING, null, v1.id(), v1.version(), nulmetingOpens, today.minusMonths(11), at(nulmetingOpens.minusDays(7))));
        Meetronde herhaling = rounds.save(new Meetronde(null, regio.id(), HERHALING + " " + today.getYear(),
                Meetronde.Kind.HERHALING, nulmeting.id(), v2.id(), v2.version(), today.minusDays(21), today.plusDays(30), at(today.minusDays(28))));

        scans.createRegioPartIfAbsent(herhaling.id(), at(herhaling.opens().plusDays(2)));
        long regioPart = scans.findRegioPartOfRound(herhaling.id()).orElseThrow().id();
        scans.lockForChange(regioPart);
        write(regioPart, SampleAnswers.answers(random, v2, Survey.Scope.REGIO, 2, 0), coordinator, at(herhaling.opens().plusDays(2)));

        for (Gemeente gemeente : gemeenten.findByRegioIdOrderByCbsCode(regio.id())) {
            long adviser = account("adviseur." + StartupData.slug(gemeente.name()));
            int level = random.nextInt(SampleAnswers.TOP_LEVEL);
            if (!gemeente.cbsCode().equals(NO_NULMETING)) {
                List<AnswerRepository.Write> given = SampleAnswers.answers(random, v1, Survey.Scope.GEMEENTE, level,
                        gemeente.inhabitants());
                Instant submitted = at(nulmeting.opens().plusDays(7 + random.nextInt(45)));
                long scan = scan(nulmeting, gemeente, submitted);
                write(scan, given, adviser, submitted);
                scans.markSubmitted(scan, adviser, submitted);
                if (WITH_PLAN.contains(gemeente.cbsCode())) {
                    plan(random, v1, gemeente, scan, given, adviser, at(nulmeting.closes().plusDays(14)), today);
                }
            }
            if (gemeente.cbsCode().equals(NOT_STARTED)) {
                continue;
            }
            List<AnswerRepository.Write> given = SampleAnswers.answers(random, v2, Survey.Scope.GEMEENTE, level + 1,
                    gemeente.inhabitants());
            Instant answered = at(herhaling.opens().plusDays(3 + random.nextInt(17)));
            long scan = scan(herhaling, gemeente, answered);
            if (BUSY.contains(gemeente.cbsCode())) {
                scans.lockForChange(scan);
                write(scan, given.subList(0, given.size() / 2), adviser, answered);
            } else {
                write(scan, given, adviser, answered);
                scans.markSubmitted(scan, adviser, answered);
            }
        }
    }

    /** A working day's morning: when the answers of the demo were given. */
    private Instant at(LocalDate day) {
        return day.atTime(10, 30).atZone(clock.getZone()).toInstant();
    }

    private long account(String localPart) {
        return accounts.findByEmail(localPart + StartupData.DEMO_DOMAIN).map(Account::id).orElseThrow();
    }

    private long scan(Meetronde round, Gemeente gemeente, Instant createdAt) {
        scans.createIfAbsent(round.id(), gemeente.id(), createdAt);
        return scans.findOfGemeente(round.id(), gemeente.id()).orElseThrow().id();
    }

    private void write(long scan, List<AnswerRepository.Write> writes, long by, Instant at) {
        answers.write(scan, writes, by, at);
        answers.recordChanges(scan, writes, by, at);
    }

    /**
     * Two or three actions at the gemeente's weakest statements of the nulmeting, titled with the statement's
     * recommendation: one done, one under way and past its due date now and then, one planned.
     */
    private void plan(Random random, Survey survey, Gemeente gemeente, long scan, List<AnswerRepository.Write> given,
                      long adviser, Instant now, LocalDate today) {
        Map<String, Survey.Question> statements = survey.questions().filter(Survey.Question::scored)
                .collect(Collectors.toMap(Survey.Question::key, Function.identity()));
        List<Survey.Question> weakest = given.stream().filter(write -> statements.containsKey(write.questionKey()))
                .filter(write -> write.value().matches("[01]")).map(write -> statements.get(write.questionKey()))
                .limit(2 + random.nextInt(2)).toList();
        ActionStatus[] statuses = {ActionStatus.AFGEROND, ActionStatus.BEZIG, ActionStatus.GEPLAND};
        for (int i = 0; i < weakest.size(); i++) {
            Survey.Question aim = weakest.get(i);
            String basis = aim.recommendation() == null ? aim.text() : aim.recommendation();
            String title = basis.length() <= 200 ? basis : basis.substring(0, 199) + "…";
            ActionRules.Fields fields = new ActionRules.Fields(title, "Uit de nulmeting: " + aim.text(),
                    List.of(aim.key()), scan, "Beleidsadviseur zorg en veiligheid", "Veilig Thuis, GGD",
                    today.plusDays(random.nextInt(240) - 90), statuses[i], i == 0 && random.nextBoolean());
            long id = actions.insert(gemeente.id(), fields, adviser, now);
            actions.recordChange(id, 1, "Aangemaakt.", adviser, now);
            if (fields.status() != ActionStatus.GEPLAND) {
                actions.addNote(id, SampleAnswers.sentence(random), adviser, now);
            }
        }
    }
}
