package nl.quickscan.accounts;

import nl.quickscan.identity.CurrentAccount;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The login form. Its POST runs on no shared pool: {@link LoginGate} sends the password check to its own executor. */
@Controller
@Produces(MediaType.TEXT_HTML)
class LoginController {

    @Serdeable
    record LoginForm(@Nullable String email, @Nullable String password, @Nullable String terug) {
    }

    /** terug: where to go after logging in; notice: why the form is shown; problem: why the login was refused. */
    record LoginPage(String title, String terug, @Nullable String email, @Nullable String notice,
                     @Nullable String problem) {
    }

    private final LoginGate gate;
    private final Sessions sessions;
    private final Duration sessionLifetime;

    LoginController(LoginGate gate, Sessions sessions,
                    @Value("${quickscan.session-minutes:480}") long sessionMinutes) {
        this.gate = gate;
        this.sessions = sessions;
        this.sessionLifetime = Duration.ofMinutes(sessionMinutes);
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> loginPage(@Nullable CurrentAccount account, @Nullable @QueryValue String terug,
                              @Nullable @QueryValue String verlopen, @Nullable @QueryValue String uitgelogd,
                              @Nullable @QueryValue String welkom) {
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
        return HttpResponse.ok(page(terug, null, notice, null));
    }

    /** On the event loop: the checks here take no time, and the password check goes through {@link LoginGate}. */
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    CompletableFuture<HttpResponse<?>> login(HttpRequest<?> request, @Body LoginForm form) {
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
                    HttpResponse.status(HttpStatus.BAD_REQUEST).body(page(form.terug(), form.email(), null, problem)));
        }
        return gate.attempt(request, form.email(), form.password(), outcome -> {
            if (outcome.account().isEmpty()) {
                return LoginGate.refusal(outcome, page(form.terug(), form.email(), null, outcome.message()));
            }
            Sessions.IssuedToken issued = sessions.open(outcome.account().get(), sessionLifetime);
            return sessions.withCookie(HttpResponse.seeOther(URI.create(safeReturnPath(form.terug()))), issued, request);
        });
    }

    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> logout(HttpRequest<?> request, CurrentAccount account) {
        sessions.end(account.sessionId());
        return sessions.clear(HttpResponse.seeOther(URI.create("/login?uitgelogd=1")), request);
    }

    private static ModelAndView<LoginPage> page(@Nullable String terug, @Nullable String email,
                                                @Nullable String notice, @Nullable String problem) {
        return new ModelAndView<>("login", new LoginPage("Inloggen", safeReturnPath(terug), email, notice, problem));
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
