package nl.quickscan.accounts;

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
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.Invitation.Purpose;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.BaseUrl;
import nl.quickscan.web.FormValues;
import nl.quickscan.errors.InvalidInput;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Account pages of the beheerder (all accounts) and the coordinator (the advisers of their regio). */
@Controller("/accounts")
@Produces(MediaType.TEXT_HTML)
@Secured({Role.Names.BEHEERDER, Role.Names.COORDINATOR})
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

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

    @Get
    ModelAndView<Map<String, Object>> list(CurrentAccount actor, TenantScope scope) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Accounts");
        model.put("accounts", accounts.listVisible(scope).stream()
                .filter(row -> actor.is(Role.BEHEERDER) || row.role() == Role.ADVISEUR).toList());
        return new ModelAndView<>("accounts/list", model);
    }

    @Get("/nieuw")
    ModelAndView<Map<String, Object>> newForm(CurrentAccount actor, TenantScope scope) {
        return form(actor, scope, "Nieuw account", new AccountForm("", "", Role.ADVISEUR.name(), "", "", "on"),
                new InvalidInput(), null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(CurrentAccount actor, TenantScope scope, @Body AccountForm form) {
        InvalidInput problems = new InvalidInput();
        AccountAdmin.Created created = admin.create(actor, scope, form, problems);
        if (created == null) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(form(actor, scope, "Nieuw account", form, problems, null));
        }
        return HttpResponse.ok(invited("Account aangemaakt", created.account().email(),
                created.account().displayName(), created.invitationToken()));
    }

    @Get("/{id}")
    ModelAndView<Map<String, Object>> edit(CurrentAccount actor, TenantScope scope, @PathVariable long id,
                                           @Nullable @QueryValue String herstellink) {
        ModelAndView<Map<String, Object>> page = editPage(actor, scope, manageable(actor, scope, id));
        if (herstellink != null) {
            page.getModel().orElseThrow().put("accessNotice", "Er is een e-mail gestuurd naar het adres van het account,"
                    + " met een link om een nieuw wachtwoord te kiezen. De link werkt één keer en is "
                    + Purpose.PASSWORD_RESET.validityText() + " geldig.");
        }
        return page;
    }

    @Post(value = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(CurrentAccount actor, TenantScope scope, @PathVariable long id, @Body AccountForm form) {
        AccountRow row = manageable(actor, scope, id);
        InvalidInput problems = new InvalidInput();
        admin.update(actor, row, form, problems);
        if (!problems.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
                    .body(form(actor, scope, "Account wijzigen", form, problems, row));
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

    private HttpResponse<?> refused(CurrentAccount actor, TenantScope scope, AccountRow row, HttpStatus status,
                                    String message) {
        ModelAndView<Map<String, Object>> page = editPage(actor, scope, row);
        page.getModel().orElseThrow().put("accessError", message);
        return HttpResponse.status(status).body(page);
    }

    private ModelAndView<Map<String, Object>> editPage(CurrentAccount actor, TenantScope scope, AccountRow row) {
        AccountForm form = new AccountForm(row.email(), row.displayName(), row.role().name(),
                idOfGemeente(scope, row), row.regioId() == null ? "" : row.regioId().toString(), row.active() ? "on" : null);
        return form(actor, scope, "Account wijzigen", form, new InvalidInput(), row);
    }

    /** The page with the new link, after sending it by e-mail where SMTP is configured. */
    private ModelAndView<Map<String, Object>> invited(String title, String email, String name, String token) {
        String link = baseUrl.link(Purpose.INVITATION.path() + token);
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("email", email);
        model.put("name", name);
        model.put("link", link);
        model.put("invitationValidity", Purpose.INVITATION.validityText());
        model.put("mail", mailer.send(Purpose.INVITATION, email, name, link).name());
        return new ModelAndView<>("accounts/invited", model);
    }

    private AccountRow manageable(CurrentAccount actor, TenantScope scope, long id) {
        return admin.manageable(actor, scope, id).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "account"));
    }

    private String idOfGemeente(TenantScope scope, AccountRow row) {
        return row.gemeenteCbsCode() == null ? ""
                : gemeenten.findVisibleByCbsCode(scope, row.gemeenteCbsCode()).map(g -> Long.toString(g.id())).orElse("");
    }

    private ModelAndView<Map<String, Object>> form(CurrentAccount actor, TenantScope scope, String title,
                                                   AccountForm form, InvalidInput problems, AccountRow existing) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("form", form);
        problems.putInto(model);
        model.put("existing", existing);
        model.put("resetValidity", Purpose.PASSWORD_RESET.validityText());
        model.put("invitationValidity", Purpose.INVITATION.validityText());
        model.put("chooseRole", actor.is(Role.BEHEERDER));
        model.put("roles", Arrays.stream(Role.values())
                .map(role -> FormValues.option(role.name(), role.label(), form.role())).toList());
        model.put("gemeenten", gemeenten.listVisible(scope).stream()
                .map(g -> FormValues.option(Long.toString(g.id()), g.name() + " (" + g.regioName() + ")", form.gemeente()))
                .toList());
        model.put("regios", regios.listVisible(scope).stream()
                .map(r -> FormValues.option(Long.toString(r.id()), r.name(), form.regio())).toList());
        return new ModelAndView<>("accounts/form", model);
    }
}
