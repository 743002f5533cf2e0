package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second step of a password login with a second factor: the code of the app, or a recovery code. Between the
 * steps there is no session, only a single-use token of a few minutes ({@link SecondFactors#openChallenge}); each
 * try uses it up and a wrong code gets a new one that ends when the first would have (a few minutes after the
 * password, however many codes are tried). The return address and a kept form ({@code KeptForm}) travel
 * in the form, as on the login form.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class LoginCodeController {

    static final String PATH = "/login/code";
    static final String EXPIRED = "De inlogstap is verlopen of al gebruikt. Log opnieuw in met uw e-mailadres en wachtwoord.";

    /** token: the step's single-use token; problem: why the code was refused. */
    record CodePage(String title, String token, String terug, @Nullable String problem, boolean keeping,
                    List<LoginController.KeptField> kept, int maxLength) {
    }

    private final LoginController login;
    private final LoginService loginService;
    private final SecondFactors secondFactors;
    private final LoginGate gate;

    LoginCodeController(LoginController login, LoginService loginService, SecondFactors secondFactors, LoginGate gate) {
        this.login = login;
        this.loginService = loginService;
        this.secondFactors = secondFactors;
        this.gate = gate;
    }

    static ModelAndView<CodePage> page(String token, @Nullable String terug, @Nullable String problem, boolean keeping,
                                       List<LoginController.KeptField> kept) {
        return new ModelAndView<>("login-code", new CodePage("Code invullen", token,
                LoginController.safeReturnPath(terug), problem, keeping, kept, SecondFactors.MAX_CODE_LENGTH));
    }

    @Post(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> code(HttpRequest<?> request, @Body Map<String, String> fields) {
        String token = fields.getOrDefault("token", "");
        String code = fields.getOrDefault("code", "").strip();
        String terug = fields.get("terug");
        boolean keeping = fields.containsKey(LoginController.KEEPING);
        List<LoginController.KeptField> kept = LoginController.kept(fields, LoginController.KEPT);
        if (token.isEmpty() || token.length() > 200) {
            return HttpResponse.badRequest(login.page(terug, null, null, EXPIRED, keeping, kept));
        }
        String problem = SecondFactors.codeProblem(code);
        if (problem != null) {
            return HttpResponse.badRequest(page(token, terug, problem, keeping, kept));
        }
        long wait = gate.tryTakeForAddress(request);
        if (wait > 0) {
            // The token is not used up: the same form may be sent again after the wait.
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                    .body(page(token, terug, LoginGate.TOO_MANY_ATTEMPTS.formatted(wait), keeping, kept));
        }
        Optional<LoginChallenge> challenge = secondFactors.takeChallenge(token);
        if (challenge.isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .body(login.page(terug, null, null, EXPIRED, keeping, kept));
        }
        long id = challenge.get().accountId();
        LoginService.Outcome outcome = loginService.secondStep(id, () -> secondFactors.verify(id, code),
                SecondFactors.WRONG_CODE);
        if (outcome.account().isEmpty()) {
            Optional<String> retry = secondFactors.retryChallenge(challenge.get());
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(retry.isPresent()
                    ? page(retry.get(), terug, outcome.message(), keeping, kept)
                    : login.page(terug, null, null, EXPIRED, keeping, kept));
        }
        return login.signedIn(request, outcome.account().get(), terug, keeping, kept);
    }
}
