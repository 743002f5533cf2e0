package nl.quickscan.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import nl.quickscan.accounts.AccountRepository;
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

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a database with synthetic regio's and gemeenten (350 in all), a nulmeting and a herhaling per regio, and
 * realistic submitted answers with toelichtingen, the same for the same seed. The first regio has 40 gemeenten,
 * so that the regiorapport for 40 gemeenten can be measured.
 */
public final class SyntheticData {

    public record Generated(List<Long> regioIds, List<Long> roundIds, long largestRegioHerhaling, int gemeenten) {
    }

    private static final String[] COMMENTS = {
            "Besproken in het regionaal overleg; afspraken staan in het plan van aanpak.",
            "Loopt via de centrumgemeente; wij sluiten aan bij de werkgroep.",
            "Nog niet opgepakt door capaciteitsgebrek, staat op de planning voor volgend jaar.",
            "Samen met Veilig Thuis en de GGD uitgewerkt.",
            ""};

    private SyntheticData() {
    }

    public static Generated generate(ApplicationContext context, int regios, int gemeenten, long seed) {
        Random random = new Random(seed);
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        RegioRepository regioRepository = context.getBean(RegioRepository.class);
        GemeenteRepository gemeenteRepository = context.getBean(GemeenteRepository.class);
        RoundRepository rounds = context.getBean(RoundRepository.class);
        ScanRepository scans = context.getBean(ScanRepository.class);
        AnswerRepository answers = context.getBean(AnswerRepository.class);
        long by = context.getBean(AccountRepository.class).findByEmail("beheerder@quickscan.test").orElseThrow().id();
        Survey survey = context.getBean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();

        List<Long> regioIds = new ArrayList<>();
        List<Long> roundIds = new ArrayList<>();
        long largest = 0;
        int made = 0;
        int largestSize = 40;
        int perRegio = (gemeenten - largestSize) / Math.max(1, regios - 1);
        for (int r = 0; r < regios; r++) {
            int size = r == 0 ? largestSize : (r == regios - 1 ? gemeenten - made : perRegio);
            String name = "Synthetische regio " + (r + 1) + " (" + seed + ")";
            Regio regio = regioRepository.findByName(name).orElseGet(() -> regioRepository.save(new Regio(null, name, now)));
            regioIds.add(regio.id());
            Meetronde nulmeting = rounds.save(new Meetronde(null, regio.id(), "Nulmeting " + seed + "-" + r, Meetronde.Kind.NULMETING,
                    null, survey.id(), survey.version(), today.minusDays(5), today.plusDays(30), now));
            Meetronde herhaling = rounds.save(new Meetronde(null, regio.id(), "Herhaling " + seed + "-" + r, Meetronde.Kind.HERHALING,
                    nulmeting.id(), survey.id(), survey.version(), today.minusDays(5), today.plusDays(30), now));
            roundIds.add(nulmeting.id());
            roundIds.add(herhaling.id());
            if (r == 0) {
                largest = herhaling.id();
            }
            for (int g = 0; g < size; g++, made++) {
                String code = String.format("GM%04d", 9000 + made % 1000);
                Gemeente gemeente = gemeenteRepository.findByCbsCode(code).orElseGet(() -> gemeenteRepository.save(
                        new Gemeente(null, code, "Synthetisch " + code, regio.id(), now)));
                int level = random.nextInt(4);
                for (Meetronde round : List.of(nulmeting, herhaling)) {
                    int growth = round == herhaling ? 1 : 0;
                    tx.executeWrite(status -> {
                        scans.createIfAbsent(round.id(), gemeente.id(), now);
                        long scanId = scans.findOfGemeente(round.id(), gemeente.id()).orElseThrow().id();
                        survey.questions().forEach(q -> answers.insertFirst(scanId, q.key(), value(random, level + growth),
                                COMMENTS[random.nextInt(COMMENTS.length)].isEmpty() ? null : COMMENTS[random.nextInt(COMMENTS.length - 1)],
                                by, now));
                        scans.markSubmitted(scanId, by, now);
                        return null;
                    });
                }
            }
        }
        return new Generated(regioIds, roundIds, largest, made);
    }

    /** Mostly around the gemeente's level, sometimes "weet ik niet". */
    private static String value(Random random, int level) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return "WEET_NIET";
        }
        return Integer.toString(Math.max(0, Math.min(3, level + random.nextInt(3) - 1)));
    }
}
