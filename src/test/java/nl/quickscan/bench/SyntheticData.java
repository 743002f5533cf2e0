package nl.quickscan.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.PasswordHasher;
import nl.quickscan.demo.SampleAnswers;
import nl.quickscan.identity.Role;
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

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Synthetic regio's and gemeenten with a nulmeting and a herhaling per regio, filled in and submitted by one adviser
 * account per gemeente: answers around a level that differs per gemeente and rises a little in the herhaling,
 * toelichtingen of varying length, kengetallen that grow with the gemeente's number of inhabitants (between 5,000
 * and 250,000, most of them small, as in the Netherlands), and the change history a real save leaves (answers from
 * {@link SampleAnswers}). The nulmetingen are on survey version 1; regio {@value #V2_REGIO}'s herhaling is on
 * version 2, with its regio part answered by the coordinator. The same seed
 * gives the same data. The first regio has 40 gemeenten, the size the regiorapport is measured at. Each gemeente's
 * nulmeting led to a verbeterplan of zero to five actions (see {@link #writePlan}).
 */
public final class SyntheticData {

    /** Password of every synthetic account; the data is for benchmarks and demonstrations only. */
    public static final String PASSWORD = "synthetisch-wachtwoord";
    public static final String BEHEERDER = "beheerder.synthetisch@quickscan.test";
    static final int LARGEST_REGIO = 40;
    /** The reference year of the synthetic numbers of inhabitants. */
    static final int INHABITANTS_YEAR = 2025;
    static final String SURVEY = "quickscan-seksueel-geweld";
    /**
     * The regio whose herhaling is on survey version 2, with its regio part answered by the coordinator: a
     * comparison across versions. The other regio's measure twice on version 1, and the largest (the first), which
     * the reports and the load are measured on, stays comparable with earlier benchmark figures.
     */
    static final int V2_REGIO = 2;

    public record Settings(int regios, int gemeenten, long seed) {
    }

    private SyntheticData() {
    }

    public static String coordinator(long seed, int regio) {
        return "coordinator.s" + seed + ".regio" + regio + "@quickscan.test";
    }

    public static String adviser(String cbsCode) {
        return "adviseur." + cbsCode.toLowerCase(Locale.ROOT) + "@quickscan.test";
    }

    static String regioName(long seed, int regio) {
        return "Synthetische regio " + regio + " (" + seed + ")";
    }

    static String cbsCode(int gemeente) {
        return String.format(Locale.ROOT, "GM%04d", 9000 + gemeente);
    }

    static String herhalingName(long seed, int regio) {
        return "Herhaling " + seed + "-" + regio;
    }

    /** Whether the database already holds synthetic data (of any seed): the generated codes would clash. */
    static boolean present(ApplicationContext context) {
        return context.getBean(GemeenteRepository.class).findByCbsCode(cbsCode(0)).isPresent();
    }

    /**
     * Whether the database has accounts of real people: anything but the demo and synthetic accounts, which all
     * use the reserved domain quickscan.test. Synthetic data (and its accounts with a published password) must
     * never go into such a database.
     */
    static boolean hasRealAccounts(ApplicationContext context) {
        return context.getBean(AccountRepository.class).listVisible(TenantScope.platform()).stream()
                .anyMatch(account -> !account.email().endsWith("@quickscan.test"));
    }

    /** Writes the data; one transaction per scan, so that a big database is filled in steady steps. */
    public static void generate(ApplicationContext context, Settings settings) {
        if (settings.gemeenten() > 1000 || settings.regios() < 1 || settings.gemeenten() < LARGEST_REGIO + settings.regios() - 1) {
            throw new IllegalArgumentException("between " + (LARGEST_REGIO + settings.regios() - 1)
                    + " and 1000 gemeenten for " + settings.regios() + " regio's");
        }
        Random random = new Random(settings.seed());
        // The plans draw from a generator of their own, so that the answers stay those the seed gave before plans.
        Random plans = new Random(~settings.seed());
        TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
        RegioRepository regioRepository = context.getBean(RegioRepository.class);
        GemeenteRepository gemeenteRepository = context.getBean(GemeenteRepository.class);
        AccountRepository accounts = context.getBean(AccountRepository.class);
        RoundRepository rounds = context.getBean(RoundRepository.class);
        ScanRepository scans = context.getBean(ScanRepository.class);
        AnswerRepository answers = context.getBean(AnswerRepository.class);
        SurveyCatalog catalog = context.getBean(SurveyCatalog.class);
        Survey survey = catalog.find(SURVEY, 1).orElseThrow();
        Survey v2 = catalog.find(SURVEY, 2).orElseThrow();
        String hash = context.getBean(PasswordHasher.class).hash(PASSWORD);
        Instant now = Instant.now();
        LocalDate today = LocalDate.now();
        if (accounts.findByEmail(BEHEERDER).isEmpty()) {
            accounts.save(new Account(null, BEHEERDER, "Synthetische beheerder", hash, Role.BEHEERDER, null, null, true, 0, null, now));
        }

        int made = 0;
        int perRegio = (settings.gemeenten() - LARGEST_REGIO) / Math.max(1, settings.regios() - 1);
        for (int r = 1; r <= settings.regios(); r++) {
            int size = r == 1 ? LARGEST_REGIO : (r == settings.regios() ? settings.gemeenten() - made : perRegio);
            Regio regio = regioRepository.save(new Regio(null, regioName(settings.seed(), r), now));
            long coordinator = accounts.save(new Account(null, coordinator(settings.seed(), r), "Coördinator regio " + r, hash,
                    Role.COORDINATOR, null, regio.id(), true, 0, null, now)).id();
            Survey herhalingSurvey = r == V2_REGIO ? v2 : survey;
            Meetronde nulmeting = rounds.save(new Meetronde(null, regio.id(), "Nulmeting " + settings.seed() + "-" + r,
                    Meetronde.Kind.NULMETING, null, survey.id(), survey.version(), today.minusYears(1), today.minusYears(1).plusDays(60), now));
            Meetronde herhaling = rounds.save(new Meetronde(null, regio.id(), herhalingName(settings.seed(), r),
                    Meetronde.Kind.HERHALING, nulmeting.id(), herhalingSurvey.id(), herhalingSurvey.version(), today.minusDays(20),
                    today.plusDays(40), now));
            if (herhalingSurvey.questions().anyMatch(question -> question.scope() == Survey.Scope.REGIO)) {
                int regioLevel = 1 + random.nextInt(SampleAnswers.TOP_LEVEL);
                tx.executeWrite(status -> {
                    scans.createRegioPartIfAbsent(herhaling.id(), now);
                    long scanId = scans.findRegioPartOfRound(herhaling.id()).orElseThrow().id();
                    List<AnswerRepository.Write> writes = SampleAnswers.answers(random, herhalingSurvey, Survey.Scope.REGIO,
                            regioLevel, 0);
                    scans.lockForChange(scanId);
                    answers.write(scanId, writes, coordinator, now);
                    answers.recordChanges(scanId, writes, coordinator, now);
                    return null;
                });
            }
            for (int g = 0; g < size; g++, made++) {
                String code = cbsCode(made);
                int inhabitants = inhabitants(random);
                Gemeente gemeente = gemeenteRepository.save(new Gemeente(null, code, "Synthetisch " + code, regio.id(), now,
                        inhabitants, INHABITANTS_YEAR));
                long adviser = accounts.save(new Account(null, adviser(code), "Adviseur " + code, hash, Role.ADVISEUR,
                        gemeente.id(), null, true, 0, null, now)).id();
                int level = random.nextInt(SampleAnswers.TOP_LEVEL + 1);
                for (Meetronde round : List.of(nulmeting, herhaling)) {
                    int growth = round == herhaling && random.nextInt(3) > 0 ? 1 : 0;
                    Survey roundSurvey = round == herhaling ? herhalingSurvey : survey;
                    tx.executeWrite(status -> {
                        scans.createIfAbsent(round.id(), gemeente.id(), now);
                        long scanId = scans.findOfGemeente(round.id(), gemeente.id()).orElseThrow().id();
                        List<AnswerRepository.Write> writes = SampleAnswers.answers(random, roundSurvey, Survey.Scope.GEMEENTE,
                                level + growth, inhabitants);
                        answers.write(scanId, writes, adviser, now);
                        answers.recordChanges(scanId, writes, adviser, now);
                        scans.markSubmitted(scanId, adviser, now);
                        if (round == nulmeting) {
                            writePlan(status.getConnection(), plans, survey, gemeente.id(), scanId, writes, adviser, now, today);
                        }
                        return null;
                    });
                }
            }
        }
    }

    private static final String[] OWNERS = {"Beleidsadviseur zorg en veiligheid", "Team jeugd", "Wijkteam",
            "Regiocoördinator", "Beleidsadviseur onderwijs", "Afdeling communicatie"};
    private static final String[] PARTNERS = {"Veilig Thuis", "Centrum Seksueel Geweld, GGD", "Politie en OM",
            "Scholen en kinderopvang", "Huisartsen en wijkverpleging", "Sportverenigingen"};

    /**
     * Zero to five actions in the verbeterplan made from the gemeente's nulmeting, each aimed at one of its weakest
     * statements (and now and then the next one too), with the recommendation as description: mixed statuses, some
     * done, due dates from four months ago to eight months ahead (so some are overdue), a few shared in the regio,
     * and progress notes for about half. Written in batches in the scan's transaction, with the history of a first save.
     */
    private static void writePlan(Connection connection, Random random, Survey survey, long gemeenteId, long scanId,
                                  List<AnswerRepository.Write> writes, long adviser, Instant now, LocalDate today) {
        Map<String, Survey.Question> statements = survey.questions().collect(Collectors.toMap(Survey.Question::key, q -> q));
        // Shuffled first, so that of the statements with the same answer any may come first, not the survey's first.
        List<AnswerRepository.Write> scored = new ArrayList<>(writes.stream()
                .filter(write -> statements.containsKey(write.questionKey()) && write.value().matches("[0-3]")).toList());
        Collections.shuffle(scored, random);
        List<Survey.Question> weakest = scored.stream().sorted(Comparator.comparing(AnswerRepository.Write::value))
                .map(write -> statements.get(write.questionKey())).toList();
        int count = Math.min(random.nextInt(6), weakest.size());
        if (count == 0) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO plan_action (gemeente_id, source_scan_id, title, description, question_keys, owner, partners,
                                         due, status, shared, version, created_by, created_at, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < count; i++) {
                Survey.Question aim = weakest.get(i);
                String keys = aim.key() + (random.nextInt(4) == 0 && count + i < weakest.size() ? " " + weakest.get(count + i).key() : "");
                String basis = aim.recommendation() == null ? aim.text() : aim.recommendation();
                String title = basis.length() <= 200 ? basis : basis.substring(0, 199) + "…";
                int roll = random.nextInt(20);
                String status = roll < 6 ? "GEPLAND" : roll < 13 ? "BEZIG" : roll < 18 ? "AFGEROND" : "GESTOPT";
                insert.setLong(1, gemeenteId);
                insert.setLong(2, scanId);
                insert.setString(3, title);
                insert.setString(4, "Uit de nulmeting: " + aim.text());
                insert.setString(5, keys);
                insert.setString(6, random.nextInt(5) == 0 ? null : OWNERS[random.nextInt(OWNERS.length)]);
                insert.setString(7, PARTNERS[random.nextInt(PARTNERS.length)]);
                insert.setDate(8, random.nextInt(6) == 0 ? null : Date.valueOf(today.plusDays(random.nextInt(360) - 120)));
                insert.setString(9, status);
                insert.setBoolean(10, random.nextInt(10) == 0);
                insert.setLong(11, adviser);
                insert.setTimestamp(12, at);
                insert.setLong(13, adviser);
                insert.setTimestamp(14, at);
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
            try (PreparedStatement change = connection.prepareStatement("""
                    INSERT INTO plan_action_change (action_id, version, summary, changed_by, changed_at) VALUES (?, 1, ?, ?, ?)""");
                 PreparedStatement note = connection.prepareStatement("""
                    INSERT INTO plan_action_note (action_id, text, written_by, written_at) VALUES (?, ?, ?, ?)""");
                 PreparedStatement source = connection.prepareStatement(
                    "INSERT INTO plan_action_scan (action_id, scan_id) VALUES (?, ?)")) {
                for (long id : ids) {
                    source.setLong(1, id);
                    source.setLong(2, scanId);
                    source.addBatch();
                    change.setLong(1, id);
                    change.setString(2, "Aangemaakt.");
                    change.setLong(3, adviser);
                    change.setTimestamp(4, at);
                    change.addBatch();
                    for (int n = random.nextBoolean() ? 0 : 1 + random.nextInt(2); n > 0; n--) {
                        note.setLong(1, id);
                        note.setString(2, SampleAnswers.sentence(random));
                        note.setLong(3, adviser);
                        note.setTimestamp(4, at);
                        note.addBatch();
                    }
                }
                change.executeBatch();
                note.executeBatch();
                source.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the synthetic verbeterplan failed: " + e.getMessage(), e);
        }
        if (ids.size() != count) {
            throw new IllegalStateException(count + " actions written, " + ids.size() + " ids returned");
        }
    }

    /** 5,000 to 250,000, evenly spread on a log scale: many small gemeenten, a few large. */
    private static int inhabitants(Random random) {
        return (int) Math.round(5_000 * Math.pow(50, random.nextDouble()));
    }
}
