package nl.quickscan.accounts;

import nl.quickscan.accounts.sso.SsoLogin;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.web.CsrfTokens;
import nl.quickscan.web.KeptForm;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The login form. Its POST runs on no shared pool: {@link LoginGate} sends the password check to its own executor. */
@Controller
@Produces(MediaType.TEXT_HTML)
class LoginController {

    /** The login form's own fields. */
    record LoginForm(@Nullable String email, @Nullable String password, @Nullable String terug) {
    }

    /**
     * terug: where to go after logging in; notice: why the form is shown; problem: why the login was refused;
     * keeping: the login carries a form posted after the session ended ({@link KeptForm}), with the fields kept;
     * sso: the identity providers to log in with ({@link SsoController}).
     */
    record LoginPage(String title, String terug, @Nullable String email, @Nullable String notice,
                     @Nullable String problem, boolean keeping, List<KeptField> kept, List<SsoLogin.Button> sso) {
    }

    /** A field of a kept form; in the login form its name has {@value #KEPT} before it. */
    record KeptField(String name, String value) {
    }

    /** After the login: the kept form, to be sent to its own address again with the new session's token. */
    record KeptFormPage(String title, String action, List<KeptField> fields) {
    }

    /** Marks the fields of a kept form among the login form's own. */
    static final String KEPT = "bewaard.";
    /** Says that the login form keeps a form (maybe one without fields, such as "Quickscan indienen"). */
    static final String KEEPING = "bewaren";

    private final LoginGate gate;
    private final Sessions sessions;
    private final CsrfTokens csrfTokens;
    private final SecondFactors secondFactors;
    private final Duration sessionLifetime;
    private final SsoLogin sso;
    private final boolean secureCookies;

    LoginController(LoginGate gate, Sessions sessions, CsrfTokens csrfTokens, SecondFactors secondFactors,
                    @Value("${quickscan.session-minutes:480}") long sessionMinutes, SsoLogin sso,
                    @Value("${quickscan.secure-cookies:false}") boolean secureCookies) {
        this.secureCookies = secureCookies;
        this.gate = gate;
        this.sessions = sessions;
        this.csrfTokens = csrfTokens;
        this.secondFactors = secondFactors;
        this.sso = sso;
        this.sessionLifetime = Duration.ofMinutes(sessionMinutes);
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> loginPage(@Nullable CurrentAccount account, @Nullable @QueryValue String terug,
                              @Nullable @QueryValue String verlopen, @Nullable @QueryValue String uitgelogd,
                              @Nullable @QueryValue String welkom, @Nullable @CookieValue(LoginHint.COOKIE) String hint,
                              HttpRequest<?> request) {
        if (account != null) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        String notice = null;
        if (verlopen != null) {
            notice = "Uw sessie is verlopen of beëindigd. Log opnieuw in.";
        }
        if (uitgelogd != null) {
            notice = "U bent uitgelogd.";
        }
        if (welkom != null) {
            notice = "Uw wachtwoord is ingesteld. U kunt nu inloggen.";
        }
        MutableHttpResponse<?> response = HttpResponse.ok(page(terug, welkom == null ? null : LoginHint.read(hint), notice,
                null, false, List.of()));
        return hint == null ? response : response.cookie(LoginHint.cleared(secureCookies || request.isSecure()));
    }

    /**
     * A form that a page posted after the session ended, sent on here by a 307 ({@link KeptForm}): the login form,
     * with the posted fields kept in it. Logged in again meanwhile (in another tab): the kept form at once.
     */
    @Post(value = KeptForm.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> keepForm(@Nullable CurrentAccount account, @Nullable @QueryValue String terug,
                             @Nullable @QueryValue String verlopen, @Body Map<String, String> fields) {
        List<KeptField> kept = kept(fields, "");
        if (account != null) {
            return HttpResponse.ok(keptFormPage(terug, kept));
        }
        String notice = (verlopen != null ? "Uw sessie is verlopen of beëindigd. " : "U bent niet meer ingelogd. ")
                + "Wat u invulde, is nog niet opgeslagen, maar ook niet verloren. Log opnieuw in; daarna kunt u het opslaan.";
        return HttpResponse.ok(page(terug, null, notice, null, true, kept));
    }

    /** On the event loop: the checks here take no time, and the password check goes through {@link LoginGate}. */
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    CompletableFuture<HttpResponse<?>> login(HttpRequest<?> request, @Body Map<String, String> fields) {
        LoginForm form = new LoginForm(fields.get("email"), fields.get("password"), fields.get("terug"));
        boolean keeping = fields.containsKey(KEEPING);
        List<KeptField> kept = kept(fields, KEPT);
        // An address of a domain an identity provider serves, without a password: the sign-in goes there.
        if (form.email() != null && (form.password() == null || form.password().isEmpty())) {
            Optional<URI> atProvider = sso.startFor(form.email(), safeReturnPath(form.terug()));
            if (atProvider.isPresent()) {
                return CompletableFuture.completedFuture(HttpResponse.seeOther(atProvider.get()));
            }
        }
        String problem = null;
        if (form.email() == null || form.email().isBlank() || form.password() == null || form.password().isEmpty()) {
            problem = "Vul uw e-mailadres en uw wachtwoord in.";
        } else if (Account.emailProblem(form.email()) != null) {
            problem = Account.emailProblem(form.email());
        } else if (PasswordRules.tooLong(form.password())) {
            problem = PasswordRules.TOO_LONG_AT_LOGIN;
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(
                    HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(form.terug(), form.email(), null, problem, keeping, kept)));
        }
        return gate.attempt(request, form.email(), form.password(), outcome -> {
            if (outcome.account().isEmpty()) {
                return LoginGate.refusal(outcome, page(form.terug(), form.email(), null, outcome.message(), keeping, kept));
            }
            Account account = outcome.account().get();
            if (secondFactors.enrolled(account.id())) {
                return HttpResponse.ok(LoginCodeController.page(secondFactors.openChallenge(account.id()), form.terug(),
                        null, keeping, kept));
            }
            return signedIn(request, account, form.terug(), keeping, kept);
        });
    }

    /** Opens the session: on to {@code terug}, or the kept form to confirm. Also after the code step (LoginCodeController). */
    HttpResponse<?> signedIn(HttpRequest<?> request, Account account, @Nullable String terug, boolean keeping,
                             List<KeptField> kept) {
        Sessions.IssuedToken issued = sessions.open(account, sessionLifetime, request);
        if (keeping) {
            csrfTokens.useSession(request, issued.sessionId());
            return sessions.withCookie(HttpResponse.ok(keptFormPage(terug, kept)), issued, request);
        }
        return sessions.withCookie(HttpResponse.seeOther(URI.create(safeReturnPath(terug))), issued, request);
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> logout(HttpRequest<?> request, CurrentAccount account) {
        URI next = sso.logoutAt(account.sessionId()).orElse(URI.create(SsoLogin.AFTER_LOGOUT));
        sessions.end(account.sessionId());
        return sessions.clear(HttpResponse.seeOther(next), request);
    }

    ModelAndView<LoginPage> page(@Nullable String terug, @Nullable String email, @Nullable String notice,
                                 @Nullable String problem, boolean keeping, List<KeptField> kept) {
        return new ModelAndView<>("login", new LoginPage("Inloggen", safeReturnPath(terug), email, notice, problem,
                keeping, kept, sso.buttons(safeReturnPath(terug))));
    }

    private static ModelAndView<KeptFormPage> keptFormPage(@Nullable String terug, List<KeptField> kept) {
        return new ModelAndView<>("login-kept", new KeptFormPage("Nog niet opgeslagen", safeReturnPath(terug), kept));
    }

    /**
     * The fields of a kept form, those whose name starts with {@code prefix}, without it; never the form's old CSRF
     * token (the page that sends them on has the new one) and never a password.
     */
    static List<KeptField> kept(Map<String, String> fields, String prefix) {
        return fields.entrySet().stream()
                .filter(field -> field.getKey().startsWith(prefix))
                .map(field -> new KeptField(field.getKey().substring(prefix.length()), field.getValue()))
                .filter(field -> !field.name().isEmpty() && !field.name().equals("_csrf")
                        && !field.name().toLowerCase(Locale.ROOT).contains("password"))
                .toList();
    }

    /** Only a path on this site, so that the login form cannot be used to send people elsewhere. */
    static String safeReturnPath(@Nullable String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/login")
                || path.length() > 500 || !path.matches("[A-Za-z0-9/._~%?=&-]*")) {
            return "/";
        }
        return path;
    }
}
