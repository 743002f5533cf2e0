package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.Invitation.Purpose;

import java.net.URI;
import java.util.Optional;

/**
 * The pages behind the single-use links: with an invitation the new account holder chooses a password, with a
 * password reset link the account holder chooses a new one. Each link works only on the page of its own purpose.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationController {

    private static final String UNUSABLE_INVITATION = "Deze uitnodigingslink is verlopen of al gebruikt. Vraag uw coördinator of de beheerder om een nieuwe link.";
    private static final String UNUSABLE_RESET = "Deze link voor een nieuw wachtwoord is verlopen of al gebruikt. Vraag een nieuwe aan met ‘Wachtwoord vergeten?’ op de inlogpagina, of vraag uw coördinator of de beheerder.";

    @Serdeable
    record PasswordForm(@Nullable String password, @Nullable String passwordRepeat) {
    }

    /**
     * The password form, or without an account (email and displayName null) only the problem that the link cannot
     * be used. noReferrer: the token is in this page's address, so no Referer may carry it anywhere.
     */
    record PasswordPage(String title, boolean reset, boolean noReferrer, int minLength, @Nullable String email,
                        @Nullable String displayName, @Nullable String problem) {
    }

    private final Invitations invitations;
    private final boolean secureCookies;

    InvitationController(Invitations invitations, @Value("${quickscan.secure-cookies:false}") boolean secureCookies) {
        this.invitations = invitations;
        this.secureCookies = secureCookies;
    }

    @Get("/uitnodiging/{token}")
    HttpResponse<?> invitationPage(@PathVariable String token) {
        return page(token, Purpose.INVITATION);
    }

    @Post(value = "/uitnodiging/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> acceptInvitation(HttpRequest<?> request, @PathVariable String token, @Body PasswordForm form) {
        return accept(request, token, Purpose.INVITATION, form);
    }

    @Get("/wachtwoord-herstellen/{token}")
    HttpResponse<?> resetPage(@PathVariable String token) {
        return page(token, Purpose.PASSWORD_RESET);
    }

    @Post(value = "/wachtwoord-herstellen/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> acceptReset(HttpRequest<?> request, @PathVariable String token, @Body PasswordForm form) {
        return accept(request, token, Purpose.PASSWORD_RESET, form);
    }

    private HttpResponse<?> page(String token, Purpose purpose) {
        Optional<Account> account = invitations.accountFor(token, purpose);
        if (account.isEmpty()) {
            return unusable(purpose);
        }
        return HttpResponse.ok(view(purpose, account.get(), null));
    }

    private HttpResponse<?> accept(HttpRequest<?> request, String token, Purpose purpose, PasswordForm form) {
        Optional<Account> account = invitations.accountFor(token, purpose);
        if (account.isEmpty()) {
            return unusable(purpose);
        }
        String problem = PasswordHasher.problemWith(form.password(), account.get().email());
        if (problem == null && !form.password().equals(form.passwordRepeat())) {
            problem = "De twee wachtwoorden zijn niet gelijk.";
        }
        if (problem != null) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(view(purpose, account.get(), problem));
        }
        if (!invitations.accept(token, purpose, form.password())) {
            return unusable(purpose);
        }
        return HttpResponse.seeOther(URI.create("/login?welkom=1"))
                .cookie(LoginHint.of(account.get().email(), secureCookies || request.isSecure()));
    }

    private static HttpResponse<?> unusable(Purpose purpose) {
        return HttpResponse.status(HttpStatus.GONE).body(view(purpose, null,
                purpose == Purpose.INVITATION ? UNUSABLE_INVITATION : UNUSABLE_RESET));
    }

    private static ModelAndView<PasswordPage> view(Purpose purpose, @Nullable Account account,
                                                   @Nullable String problem) {
        boolean reset = purpose == Purpose.PASSWORD_RESET;
        return new ModelAndView<>("invitation", new PasswordPage(reset ? "Nieuw wachtwoord kiezen" : "Wachtwoord kiezen",
                reset, true, PasswordHasher.MIN_LENGTH, account == null ? null : account.email(),
                account == null ? null : account.displayName(), problem));
    }
}
