package nl.quickscan.database;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Online backups of the embedded H2 database: on the schedule of {@code quickscan.backup.cron}, H2's
 * {@code BACKUP TO} writes a consistent copy of the database file as a zip into {@code quickscan.backup.dir}
 * while the app goes on serving; the newest {@code quickscan.backup.keep} zips stay. The zip is written under a
 * temporary name and renamed when complete, so that a zip with the final name is always whole. Restoring is
 * unpacking it into the data folder of a stopped app (README, "Backups and restore").
 * MySQL/MariaDB are backed up by their own dump tool (ops/mariadb-backup), so the app refuses to start with a
 * backup folder on them.
 */
@Context
@Requires(property = "quickscan.backup.dir", pattern = ".+")
final class H2Backups {

    private static final Logger LOG = LoggerFactory.getLogger(H2Backups.class);
    static final String PREFIX = "quickscan-";
    static final String SUFFIX = ".zip";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Path folder;
    private final int keep;
    private final Clock clock;

    H2Backups(DataSource dataSource, @Value("${datasources.default.url}") String url,
              @Value("${quickscan.backup.dir}") String folder, @Value("${quickscan.backup.keep}") int keep, Clock clock) {
        if (!url.startsWith("jdbc:h2:file:")) {
            throw new IllegalStateException("QUICKSCAN_BACKUP_DIR backs up the embedded H2 database only; back "
                    + "MySQL/MariaDB up with its dump tool (ops/mariadb-backup, see README).");
        }
        if (keep < 1) {
            throw new IllegalStateException("QUICKSCAN_BACKUP_KEEP must be at least 1.");
        }
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.folder = Path.of(folder).toAbsolutePath();
        this.keep = keep;
        this.clock = clock;
    }

    @Scheduled(cron = "${quickscan.backup.cron}")
    void backUp() {
        Path target = folder.resolve(PREFIX + STAMP.format(clock.instant()) + SUFFIX);
        Path partial = folder.resolve(target.getFileName() + ".part");
        try {
            Files.createDirectories(folder);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                // The path is ours (folder from the configuration, name from the clock); quotes doubled all the same.
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            removeOld();
            LOG.info("Backup written: {}", target);
        } catch (SQLException | IOException | UncheckedIOException e) {
            LOG.error("Backup to {} failed: {}", target, e.toString());
        }
    }

    /** Keeps the newest {@link #keep} backups; the names sort by time. */
    private void removeOld() throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            backups = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
            Files.delete(old);
        }
    }
}
