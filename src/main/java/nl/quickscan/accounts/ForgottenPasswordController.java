package nl.quickscan.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import nl.quickscan.accounts.Invitation.Purpose;
import nl.quickscan.text.DutchFormat;

import java.time.Duration;

/**
 * "Wachtwoord vergeten": the holder asks for a password reset link for their address. The answer is the same,
 * as fast, whether the address has an account or not ({@link PasswordResets#requestFor} mails afterwards); requests
 * are limited per client address and per e-mail address. Without an SMTP server the page says to ask the
 * coordinator or beheerder instead. On the event loop: nothing here waits for the database or the mail server.
 */
@Controller("/wachtwoord-vergeten")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
class ForgottenPasswordController {

    static final String TOO_MANY = "U heeft te vaak een nieuw wachtwoord aangevraagd. Probeer het over %s opnieuw.";

    @Serdeable
    record EmailForm(@Nullable String email) {
    }

    /** available: links can be mailed; sent: the request was taken (the same page for every address). */
    record ForgottenPage(String title, boolean available, boolean sent, @Nullable String email,
                         @Nullable String problem, String validity) {
    }

    private final PasswordResets resets;
    private final LoginGate gate;
    private final AttemptLimiter perAddress;
    private final AttemptLimiter perEmail;

    ForgottenPasswordController(PasswordResets resets, LoginGate gate,
                                @Value("${quickscan.reset-requests-per-address:5}") int perAddress,
                                @Value("${quickscan.reset-address-window-seconds:900}") long addressWindowSeconds,
                                @Value("${quickscan.reset-requests-per-account:3}") int perEmail,
                                @Value("${quickscan.reset-account-window-seconds:3600}") long emailWindowSeconds,
                                @Value("${quickscan.login-tracked-keys:10000}") int trackedKeys) {
        this.resets = resets;
        this.gate = gate;
        this.perAddress = new AttemptLimiter(perAddress, Duration.ofSeconds(addressWindowSeconds), trackedKeys);
        this.perEmail = new AttemptLimiter(perEmail, Duration.ofSeconds(emailWindowSeconds), trackedKeys);
    }

    @Get
    HttpResponse<?> page() {
        return HttpResponse.ok(view(false, null, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> request(HttpRequest<?> request, @Body EmailForm form) {
        if (!resets.available()) {
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body(view(false, null, null));
        }
        String problem = Account.emailProblem(form.email());
        if (problem != null) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(view(false, null, problem));
        }
        String email = form.email().strip();
        long wait = perAddress.tryTake(gate.clientAddress(request));
        if (wait == 0) {
            wait = perEmail.tryTake(Account.normalizeEmail(email));
        }
        if (wait > 0) {
            Duration minutes = Duration.ofMinutes(Math.max(1, (wait + 59) / 60));
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                    .body(view(false, email, TOO_MANY.formatted(DutchFormat.duration(minutes))));
        }
        resets.requestFor(email);
        return HttpResponse.ok(view(true, email, null));
    }

    private ModelAndView<ForgottenPage> view(boolean sent, @Nullable String email, @Nullable String problem) {
        return new ModelAndView<>("password-forgotten", new ForgottenPage("Wachtwoord vergeten", resets.available(),
                sent, email, problem, Purpose.PASSWORD_RESET.validityText()));
    }
}
