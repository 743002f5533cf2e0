package nl.quickscan.home;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import nl.quickscan.errors.NotFoundException;
import nl.quickscan.accounts.AccountRepository;
import nl.quickscan.accounts.AccountRow;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;
import nl.quickscan.scans.Meetronde;
import nl.quickscan.scans.RoundRepository;
import nl.quickscan.scans.ScanRepository;
import nl.quickscan.scans.ScanRow;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.Regio;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;

/** The start page of each role and the gemeente page with its people: all within the account's scope. */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomePages {

    /**
     * What the account's scope holds; for an adviseur also the own gemeente and the colleagues there. {@code open}:
     * the rounds open today, with the gemeente's scan (adviser) or how many gemeenten submitted (coordinator).
     */
    record HomePage(String title, List<Regio> regios, List<GemeenteRow> gemeenten, @Nullable GemeenteRow gemeente,
                    List<AccountRow> colleagues, List<OpenRound> open) {
    }

    /**
     * A round open today: {@code scan} the adviser's gemeente's (null while not started); {@code submitted} of
     * {@code gemeenten} the regio's gemeenten that submitted their scan.
     */
    record OpenRound(Meetronde round, String period, @Nullable ScanRow scan, int submitted, int gemeenten) {
        public String status() {
            return (scan == null ? ScanRow.Status.NOT_STARTED : scan.status()).label();
        }
    }

    /**
     * A gemeente with its scan of each round of its regio (newest first) and its accounts; {@code manage}: the viewer
     * manages accounts (coordinator, beheerder), so the page links to them and offers to invite an adviser;
     * {@code export}: the viewer may download all of the gemeente's data (its advisers, the beheerder).
     */
    record GemeentePage(String title, GemeenteRow gemeente, List<RoundScan> rounds, List<AccountRow> accounts,
                        boolean manage, boolean beheerder, boolean export) {
    }

    /** A round and the gemeente's scan of it; {@code scanId} null while nobody started it. */
    record RoundScan(long roundId, String roundName, String kind, LocalDate opens, LocalDate closes, String status,
                     @Nullable Long scanId, boolean submitted) {
    }

    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;
    private final AccountRepository accounts;

    private final RoundRepository rounds;
    private final ScanRepository scans;

    private final Clock clock;

    HomePages(GemeenteRepository gemeenten, RegioRepository regios, AccountRepository accounts, RoundRepository rounds,
              ScanRepository scans, Clock clock) {
        this.clock = clock;
        this.rounds = rounds;
        this.scans = scans;
        this.gemeenten = gemeenten;
        this.regios = regios;
        this.accounts = accounts;
    }

    @Get
    ModelAndView<HomePage> home(CurrentAccount account, TenantScope scope) {
        List<GemeenteRow> visible = gemeenten.listVisible(scope);
        GemeenteRow own = account.is(Role.ADVISEUR) && !visible.isEmpty() ? visible.get(0) : null;
        return new ModelAndView<>("home", new HomePage("Start", regios.listVisible(scope), visible, own,
                own == null ? List.of() : accounts.listOfGemeente(own.id()),
                account.is(Role.BEHEERDER) ? List.of() : openRounds(scope, visible, own)));
    }

    private List<OpenRound> openRounds(TenantScope scope, List<GemeenteRow> visible, @Nullable GemeenteRow own) {
        LocalDate today = LocalDate.now(clock);
        List<Meetronde> open = rounds.listVisible(scope).stream().filter(round -> round.openOn(today))
                .sorted(Comparator.comparing(Meetronde::closes)).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        List<ScanRow> visibleScans = own == null ? scans.listVisible(scope) : scans.listVisibleOfGemeente(scope, own.id());
        return open.stream().map(round -> {
            List<ScanRow> ofRound = visibleScans.stream().filter(scan -> scan.roundId() == round.id() && !scan.regioPart()).toList();
            int gemeentenOfRegio = (int) visible.stream().filter(gemeente -> gemeente.regioId() == round.regioId()).count();
            return new OpenRound(round, round.periodOn(today), own == null || ofRound.isEmpty() ? null : ofRound.get(0),
                    (int) ofRound.stream().filter(ScanRow::submitted).count(), gemeentenOfRegio);
        }).toList();
    }

    /** Another tenant's gemeente answers exactly like one that does not exist. */
    @Get("/gemeenten/{cbsCode}")
    ModelAndView<GemeentePage> gemeente(CurrentAccount account, TenantScope scope, @PathVariable String cbsCode) {
        GemeenteRow gemeente = gemeenten.findVisibleByCbsCode(scope, cbsCode.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("gemeente"));
        Map<Long, ScanRow> scanByRound = scans.listVisibleOfGemeente(scope, gemeente.id()).stream()
                .collect(Collectors.toMap(ScanRow::roundId, scan -> scan));
        List<RoundScan> ofRounds = rounds.listVisible(scope).stream()
                .filter(round -> round.regioId() == gemeente.regioId())
                .sorted(Comparator.comparing(Meetronde::opens).reversed())
                .map(round -> {
                    ScanRow scan = scanByRound.get(round.id());
                    return new RoundScan(round.id(), round.name(), round.kind().label(), round.opens(), round.closes(),
                            (scan == null ? ScanRow.Status.NOT_STARTED : scan.status()).label(),
                            scan == null ? null : scan.id(), scan != null && scan.submitted());
                }).toList();
        return new ModelAndView<>("gemeente", new GemeentePage("Gemeente " + gemeente.name(), gemeente, ofRounds,
                accounts.listOfGemeente(gemeente.id()), !account.is(Role.ADVISEUR), account.is(Role.BEHEERDER),
                !account.is(Role.COORDINATOR)));
    }
}
