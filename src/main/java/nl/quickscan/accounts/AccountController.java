package nl.quickscan.accounts;

import nl.quickscan.errors.NotFoundException;
import nl.quickscan.identity.Role;
import nl.quickscan.identity.CurrentAccount;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.Invitation.Purpose;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.mail.MailSender;
import nl.quickscan.text.NaturalOrder;
import nl.quickscan.web.BaseUrl;
import nl.quickscan.web.FormValues;
import nl.quickscan.web.FormValues.Option;
import nl.quickscan.errors.InvalidInput;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/** Account pages of the beheerder (all accounts) and the coordinator (the advisers of their regio). */
@Controller("/accounts")
@Produces(MediaType.TEXT_HTML)
@Secured({Role.Names.BEHEERDER, Role.Names.COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

    /** A new account ({@code existing} null) or a change to one, with what its access section says. */
    record FormPage(String title, AccountForm form, Map<String, String> errors, List<InvalidInput.Problem> errorSummary,
                    @Nullable AccountRow existing, @Nullable String accessNotice, @Nullable String accessError,
                    boolean chooseRole, List<Option> roles, List<Option> gemeenten, List<Option> regios,
                    String invitationValidity, String resetValidity) {
    }

    /** "Weet u zeker…?" before removing an account; {@code refusal}: why it cannot be removed (then no form). */
    record RemovePage(String title, AccountRow account, @Nullable String refusal) {
    }

    record InvitedPage(String title, String email, String displayName, String link, String invitationValidity,
                       MailSender.Outcome mail) {
    }

    private final AccountRepository accounts;
    private final AccountAdmin admin;
    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;
    private final InvitationMailer mailer;
    private final BaseUrl baseUrl;

    AccountController(AccountRepository accounts, AccountAdmin admin, GemeenteRepository gemeenten,
                      RegioRepository regios, InvitationMailer mailer, BaseUrl baseUrl) {
        this.mailer = mailer;
        this.accounts = accounts;
        this.admin = admin;
        this.gemeenten = gemeenten;
        this.regios = regios;
        this.baseUrl = baseUrl;
    }

    /** The beheerder sees every account, a coordinator the advisers of the own regio; searched and paged. */
    @Get
    HttpResponse<ModelAndView<AccountsPage>> list(CurrentAccount actor, TenantScope scope,
                                                  @Nullable @QueryValue String zoek, @Nullable @QueryValue String rol,
                                                  @Nullable @QueryValue String status,
                                                  @Nullable @QueryValue String pagina,
                                                  @Nullable @QueryValue String gewijzigd,
                                                  @Nullable @QueryValue String verwijderd) {
        AccountSearch.Parameters parameters = new AccountSearch.Parameters(zoek, rol, status, pagina);
        InvalidInput problems = new InvalidInput();
        AccountSearch.Request request = AccountSearch.parse(parameters, problems);
        boolean beheerder = actor.is(Role.BEHEERDER);
        if (!problems.isEmpty()) {
            return HttpResponse.<ModelAndView<AccountsPage>>status(HttpStatus.BAD_REQUEST)
                    .body(new ModelAndView<>("accounts/list", AccountsPage.refused(parameters, beheerder, problems)));
        }
        List<AccountRow> matching = accounts.search(scope, request.search(), beheerder ? null : Role.ADVISEUR,
                java.time.Instant.now());
        return HttpResponse.ok(new ModelAndView<>("accounts/list", AccountsPage.of(parameters, request, beheerder,
                matching, verwijderd != null ? "Account verwijderd. Naam en e-mailadres zijn vervangen door '"
                        + Account.FORMER + "'." : gewijzigd == null ? null : "Account opgeslagen.")));
    }

    /**
     * The form for a new account; {@code rol}, {@code gemeente} (its CBS code or id) and {@code regio} preselect them
     * (from a gemeente's page or the round dashboard: "Adviseur uitnodigen voor deze gemeente"; from a regio's: a
     * coordinator). A role the actor cannot give answers 400. A gemeente or regio outside the
     * actor's scope answers 404, like one that does not exist.
     */
    @Get("/nieuw")
    HttpResponse<ModelAndView<FormPage>> newForm(CurrentAccount actor, TenantScope scope, @Nullable @QueryValue String rol,
                                                 @Nullable @QueryValue String gemeente, @Nullable @QueryValue String regio) {
        InvalidInput problems = new InvalidInput();
        String role = Role.ADVISEUR.name();
        if (rol != null && !rol.isBlank()) {
            boolean known = Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(rol.strip()));
            if (!known || !actor.is(Role.BEHEERDER) && !Role.ADVISEUR.name().equals(rol.strip())) {
                problems.add("role", "Kies een rol uit de lijst.");
            } else {
                role = rol.strip();
            }
        }
        String gemeenteId = "";
        if (gemeente != null && !gemeente.isBlank()) {
            // By CBS code (the round dashboard's links) or by id (the beheer pages' links).
            Optional<GemeenteRow> found = gemeente.matches("GM\\d{4}") ? gemeenten.findVisibleByCbsCode(scope, gemeente)
                    : gemeenten.findVisible(scope, FormValues.id(gemeente).orElseThrow(() -> new NotFoundException("gemeente")));
            gemeenteId = Long.toString(found.orElseThrow(() -> new NotFoundException("gemeente")).id());
        }
        String regioId = "";
        if (regio != null && !regio.isBlank()) {
            long id = FormValues.id(regio).orElseThrow(() -> new NotFoundException("regio"));
            regioId = Long.toString(regios.findVisible(scope, id).orElseThrow(() -> new NotFoundException("regio")).id());
        }
        AccountForm form = new AccountForm("", "", role, gemeenteId, regioId, "on");
        return HttpResponse.status(problems.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(formPage(actor, scope, form, problems, null, null, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(CurrentAccount actor, TenantScope scope, @Body AccountForm form) {
        InvalidInput problems = new InvalidInput();
        AccountAdmin.Created created = admin.create(actor, scope, form, problems);
        if (created == null) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(formPage(actor, scope, form, problems, null, null, null));
        }
        return HttpResponse.ok(invited("Account aangemaakt", created.account().email(),
                created.account().displayName(), created.invitationToken()));
    }

    @Get("/{id}")
    ModelAndView<FormPage> edit(CurrentAccount actor, TenantScope scope, @PathVariable long id,
                                @Nullable @QueryValue String herstellink) {
        String notice = herstellink == null ? null : "Er is een e-mail gestuurd naar het adres van het account,"
                + " met een link om een nieuw wachtwoord te kiezen. De link werkt één keer en is "
                + Purpose.PASSWORD_RESET.validityText() + " geldig.";
        return editPage(actor, scope, manageable(actor, scope, id), notice, null);
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body AccountForm form) {
        AccountRow row = manageable(actor, scope, id);
        InvalidInput problems = new InvalidInput();
        admin.update(actor, row, form, problems);
        if (!problems.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(formPage(actor, scope, form, problems, row, null, null));
        }
        return HttpResponse.seeOther(URI.create("/accounts?gewijzigd=" + id));
    }

    @Post(value = "/{id}/deblokkeren", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unlock(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        admin.unlock(actor, manageable(actor, scope, id));
        return HttpResponse.seeOther(URI.create("/accounts/" + id));
    }

    /** A new invitation link, only for an account that has not chosen a password yet. */
    @Post(value = "/{id}/uitnodiging", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> reinvite(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        AccountRow row = manageable(actor, scope, id);
        String token = admin.reinvite(actor, row);
        if (token == null) {
            return refused(actor, scope, row, HttpStatus.CONFLICT, "Dit account heeft al een wachtwoord, dus een"
                    + " uitnodigingslink kan niet meer. Er is niets veranderd. Is de gebruiker het wachtwoord kwijt?"
                    + " Kies dan 'Wachtwoord opnieuw instellen': de gebruiker krijgt zelf een e-mail met een link.");
        }
        return HttpResponse.ok(invited("Nieuwe uitnodigingslink", row.email(), row.displayName(), token));
    }

    /** Mails a password reset link to the account's own address; the one who asks never sees it. */
    @Post(value = "/{id}/wachtwoord-herstellen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resetPassword(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        AccountRow row = manageable(actor, scope, id);
        return switch (admin.sendPasswordReset(actor, row)) {
            case SENT -> HttpResponse.seeOther(URI.create("/accounts/" + id + "?herstellink=verstuurd"));
            case NO_PASSWORD_YET -> refused(actor, scope, row, HttpStatus.CONFLICT, "Dit account heeft nog geen"
                    + " wachtwoord. Er is niets veranderd. Maak een nieuwe uitnodigingslink.");
            case INACTIVE -> refused(actor, scope, row, HttpStatus.CONFLICT, "Dit account is gedeactiveerd. Er is"
                    + " niets veranderd. Maak het account eerst weer actief.");
            case MAIL_NOT_CONFIGURED -> refused(actor, scope, row, HttpStatus.CONFLICT, "Wachtwoord opnieuw"
                    + " instellen kan nu niet, omdat deze server geen e-mail kan versturen. Er is niets veranderd."
                    + " Vraag de technisch beheerder om e-mail in te stellen. Tot die tijd kan de gebruiker inloggen met"
                    + " het huidige wachtwoord; is het account geblokkeerd, dan kunt u de blokkade opheffen.");
            case MAIL_FAILED -> refused(actor, scope, row, HttpStatus.SERVICE_UNAVAILABLE, "Het versturen van de"
                    + " e-mail is niet gelukt. Er is niets veranderd. Probeer het later opnieuw.");
        };
    }

    @Get("/{id}/verwijderen")
    ModelAndView<RemovePage> removeForm(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        AccountRow row = manageable(actor, scope, id);
        return removePage(row, admin.whyNotRemovable(actor, row).orElse(null));
    }

    @Post(value = "/{id}/verwijderen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(CurrentAccount actor, TenantScope scope, @PathVariable long id) {
        AccountRow row = manageable(actor, scope, id);
        Optional<String> refusal = admin.whyNotRemovable(actor, row);
        if (refusal.isPresent()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(removePage(row, refusal.get()));
        }
        admin.remove(actor, row);
        return HttpResponse.seeOther(URI.create("/accounts?verwijderd=1"));
    }

    private static ModelAndView<RemovePage> removePage(AccountRow row, @Nullable String refusal) {
        return new ModelAndView<>("accounts/remove", new RemovePage("Account verwijderen", row, refusal));
    }

    private HttpResponse<?> refused(CurrentAccount actor, TenantScope scope, AccountRow row, HttpStatus status,
                                    String message) {
        return HttpResponse.status(status).body(editPage(actor, scope, row, null, message));
    }

    /** The stored account in the form. */
    private ModelAndView<FormPage> editPage(CurrentAccount actor, TenantScope scope, AccountRow row,
                                            @Nullable String accessNotice, @Nullable String accessError) {
        AccountForm form = new AccountForm(row.email(), row.displayName(), row.role().name(),
                idOfGemeente(scope, row), row.regioId() == null ? "" : row.regioId().toString(), row.active() ? "on" : null);
        return formPage(actor, scope, form, new InvalidInput(), row, accessNotice, accessError);
    }

    /** The page with the new link, after sending it by e-mail where SMTP is configured. */
    private ModelAndView<InvitedPage> invited(String title, String email, String name, String token) {
        String link = baseUrl.link(Purpose.INVITATION.path() + token);
        MailSender.Outcome mail = mailer.send(Purpose.INVITATION, email, name, link);
        return new ModelAndView<>("accounts/invited",
                new InvitedPage(title, email, name, link, Purpose.INVITATION.validityText(), mail));
    }

    private AccountRow manageable(CurrentAccount actor, TenantScope scope, long id) {
        return admin.manageable(actor, scope, id).orElseThrow(() -> new NotFoundException("account"));
    }

    private String idOfGemeente(TenantScope scope, AccountRow row) {
        return row.gemeenteCbsCode() == null ? ""
                : gemeenten.findVisibleByCbsCode(scope, row.gemeenteCbsCode()).map(g -> Long.toString(g.id())).orElse("");
    }

    private ModelAndView<FormPage> formPage(CurrentAccount actor, TenantScope scope, AccountForm form,
                                            InvalidInput problems, @Nullable AccountRow existing,
                                            @Nullable String accessNotice, @Nullable String accessError) {
        return new ModelAndView<>("accounts/form", new FormPage(
                existing == null ? "Nieuw account" : "Account wijzigen", form, problems.byField(), problems.summary(),
                existing, accessNotice, accessError, actor.is(Role.BEHEERDER),
                Arrays.stream(Role.values()).map(role -> FormValues.option(role.name(), role.label(), form.role())).toList(),
                // The regio in brackets only tells apart what the beheerder sees of several regio's.
                gemeenten.listVisible(scope).stream()
                        .sorted(java.util.Comparator.comparing(nl.quickscan.tenancy.GemeenteRow::name, NaturalOrder.INSTANCE))
                        .map(g -> FormValues.option(Long.toString(g.id()),
                                actor.is(Role.BEHEERDER) ? g.name() + " (" + g.regioName() + ")" : g.name(), form.gemeente()))
                        .toList(),
                regios.listVisible(scope).stream().map(r -> FormValues.option(Long.toString(r.id()), r.name(), form.regio()))
                        .toList(),
                Purpose.INVITATION.validityText(), Purpose.PASSWORD_RESET.validityText()));
    }
}
