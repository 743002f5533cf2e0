package nl.quickscan.bench;

import io.micronaut.context.ApplicationContext;

import java.util.Locale;

/**
 * {@code bench/synthetic-data [--regios N] [--gemeenten N] [--seed N]}: fills the database the app is configured
 * for (the same environment variables as the app: DATASOURCES_DEFAULT_URL and friends for MySQL/MariaDB, otherwise
 * the H2 file under QUICKSCAN_DATA_DIR) with {@link SyntheticData}. Refuses a database that already has it, and
 * one with accounts of real people.
 */
public final class SyntheticDataCommand {

    private SyntheticDataCommand() {
    }

    public static void main(String[] args) {
        SyntheticData.Settings settings = settings(args);
        try (ApplicationContext context = ApplicationContext.run()) {
            if (SyntheticData.present(context)) {
                System.err.println("This database already holds synthetic data (gemeente " + SyntheticData.cbsCode(0)
                        + " exists); use an empty database.");
                System.exit(3);
            }
            if (SyntheticData.hasRealAccounts(context)) {
                System.err.println("This database has accounts outside quickscan.test: it is not a test database."
                        + " Synthetic data goes only into an empty or a demo database.");
                System.exit(3);
            }
            long start = System.nanoTime();
            SyntheticData.generate(context, settings);
            System.out.printf(Locale.ROOT, "Synthetic data written in %.1f s: %d regio's, %d gemeenten, a nulmeting and a herhaling"
                            + " per regio, seed %d.%nAccounts (password %s): %s, coordinators like %s, advisers like %s.%n",
                    (System.nanoTime() - start) / 1e9, settings.regios(), settings.gemeenten(), settings.seed(),
                    SyntheticData.PASSWORD, SyntheticData.BEHEERDER, SyntheticData.coordinator(settings.seed(), 1),
                    SyntheticData.adviser(SyntheticData.cbsCode(0)));
        }
    }

    static SyntheticData.Settings settings(String[] args) {
        int regios = 10;
        int gemeenten = 350;
        long seed = 2026;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--regios" -> regios = Integer.parseInt(value);
                case "--gemeenten" -> gemeenten = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; use --regios N, --gemeenten N and --seed N");
            }
            i++;
        }
        return new SyntheticData.Settings(regios, gemeenten, seed);
    }
}
