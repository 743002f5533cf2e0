package nl.quickscan.demo;

import nl.quickscan.database.DemoMode;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.quickscan.accounts.Account;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.PasswordHasher;
import nl.quickscan.identity.Role;
import nl.quickscan.tenancy.Gemeente;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Data the app needs at start: the first beheerder of a fresh deployment (from QUICKSCAN_ADMIN_EMAIL and
 * QUICKSCAN_ADMIN_PASSWORD) and, in demo mode, the demo regio's, gemeenten and accounts, and (unless
 * QUICKSCAN_DEMO_MEASUREMENTS is false) their {@link DemoMeasurements}. All are idempotent.
 */
@Singleton
class StartupData implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupData.class);
    static final String DEMO_DOMAIN = "@quickscan.test";

    private final TransactionOperations<Connection> transactions;
    private final RegioRepository regios;
    private final GemeenteRepository gemeenten;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final DemoMeasurements measurements;
    private final boolean demo;
    private final boolean demoMeasurements;
    private final String demoPassword;
    private final String adminEmail;
    private final String adminPassword;

    StartupData(TransactionOperations<Connection> transactions, RegioRepository regios, GemeenteRepository gemeenten,
                AccountRepository accounts, PasswordHasher hasher, DemoMeasurements measurements,
                @Nullable @Property(name = "quickscan.demo") Boolean demo,
                @Value("${quickscan.demo-measurements:true}") boolean demoMeasurements,
                @Value("${datasources.default.url}") String datasourceUrl,
                @Value("${quickscan.demo-password:quickscan-demo}") String demoPassword,
                @Value("${quickscan.admin-email:}") String adminEmail,
                @Value("${quickscan.admin-password:}") String adminPassword) {
        this.transactions = transactions;
        this.regios = regios;
        this.gemeenten = gemeenten;
        this.accounts = accounts;
        this.hasher = hasher;
        this.measurements = measurements;
        this.demo = DemoMode.on(demo, datasourceUrl);
        this.demoMeasurements = demoMeasurements;
        this.demoPassword = demoPassword;
        this.adminEmail = adminEmail;
        this.adminPassword = adminPassword;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        transactions.executeWrite(status -> {
            if (!adminEmail.isBlank()) {
                createFirstBeheerder();
            }
            if (demo) {
                loadDemo();
                if (demoMeasurements) {
                    measurements.writeUnlessPresent();
                }
            }
            return null;
        });
    }

    private void createFirstBeheerder() {
        if (accounts.existsByRole(Role.BEHEERDER)) {
            return;
        }
        String problem = PasswordHasher.problemWith(adminPassword, adminEmail);
        if (problem != null) {
            throw new IllegalStateException("QUICKSCAN_ADMIN_PASSWORD is not acceptable: " + problem);
        }
        Account admin = Account.invited(adminEmail, "Beheerder", Role.BEHEERDER, null, null, Instant.now());
        accounts.setPassword(accounts.save(admin).id(), hasher.hash(adminPassword));
        LOG.info("Created the first beheerder account {}", admin.email());
    }

    private void loadDemo() {
        LOG.warn("Demo mode: demo accounts ({}) exist with a known password. Never use demo mode in production.",
                DEMO_DOMAIN);
        String hash = hasher.hash(demoPassword);
        Map<String, Regio> regioByName = new HashMap<>();
        List<Account> wanted = new ArrayList<>();
        wanted.add(Account.invited("beheerder" + DEMO_DOMAIN, "Demo beheerder", Role.BEHEERDER, null, null, Instant.now()));
        for (String[] row : demoGemeenten()) {
            Regio regio = regioByName.computeIfAbsent(row[0], name -> regios.findByName(name)
                    .orElseGet(() -> regios.save(new Regio(null, name, Instant.now()))));
            Gemeente gemeente = gemeenten.findByCbsCode(row[2])
                    .orElseGet(() -> gemeenten.save(new Gemeente(null, row[2], row[1], regio.id(), Instant.now(),
                            Integer.valueOf(row[3]), Integer.valueOf(row[4]))));
            wanted.add(Account.invited("adviseur." + slug(row[1]) + DEMO_DOMAIN, "Beleidsadviseur " + row[1],
                    Role.ADVISEUR, gemeente.id(), null, Instant.now()));
        }
        regioByName.values().forEach(regio -> wanted.add(Account.invited("coordinator." + slug(regio.name()) + DEMO_DOMAIN,
                "Coördinator regio " + regio.name(), Role.COORDINATOR, null, regio.id(), Instant.now())));
        for (Account account : wanted) {
            if (accounts.findByEmail(account.email()).isEmpty()) {
                accounts.setPassword(accounts.save(account).id(), hash);
            }
        }
    }

    /** "Midden-Groningen" → "midden-groningen", "Aa en Hunze" → "aa-en-hunze". */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    private static List<String[]> demoGemeenten() {
        try (InputStream in = StartupData.class.getResourceAsStream("/demo/gemeenten.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(";")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
