package nl.quickscan.accounts;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
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
import nl.quickscan.errors.InvalidInput;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.text.DutchFormat;
import nl.quickscan.web.Notice;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The signed-in user's own second factor: set up (page and API), recovery codes once, switched off where allowed. */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondFactorController {

    static final String PATH = "/account/tweestapsverificatie";
    static final Notice SWITCHED_OFF = new Notice("uitgezet", "Tweestapsverificatie staat nu uit voor uw account.");

    /**
     * on: the second factor is on; required: the role requires it; otherwise the set-up: the QR code (inline SVG),
     * the secret in groups of four and the address, for typing it in.
     */
    record SetupPage(String title, boolean on, boolean required, @Nullable String notice, @Nullable String problem,
                     @Nullable String qrSvg, @Nullable String secretGrouped, @Nullable String otpauthUri,
                     int unusedRecoveryCodes, int maxLength) {
    }

    record RecoveryCodesPage(String title, List<String> codes) {
    }

    @Serdeable
    record SetupResponse(String secret, String otpauthUri) {
    }

    @Serdeable
    record ConfirmRequest(@Nullable String code) {
    }

    @Serdeable
    record ConfirmResponse(List<String> recoveryCodes) {
    }

    static final String TOO_MANY_CODES = "U heeft te vaak een code ingevuld om tweestapsverificatie uit te zetten. "
            + "Probeer het over %s opnieuw.";
    /** Five tries a quarter: a stolen session must not be able to guess its way to switching the factor off. */
    static final int SWITCH_OFF_ATTEMPTS = 5;

    private final SecondFactors secondFactors;
    private final AttemptLimiter switchOffAttempts;

    SecondFactorController(SecondFactors secondFactors,
                           @Value("${quickscan.login-tracked-keys:10000}") int trackedKeys) {
        this.secondFactors = secondFactors;
        this.switchOffAttempts = new AttemptLimiter(SWITCH_OFF_ATTEMPTS, Duration.ofMinutes(15), trackedKeys);
    }

    @Get(PATH)
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<SetupPage> page(CurrentAccount account, @Nullable @QueryValue String melding) {
        return setupPage(account, Notice.textOf(List.of(SWITCHED_OFF), melding), null);
    }

    @Post(value = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> confirm(CurrentAccount account, @Body Map<String, String> fields) {
        String code = fields.getOrDefault("code", "").strip();
        String problem = SecondFactors.codeProblem(code);
        if (problem != null) {
            return HttpResponse.unprocessableEntity().body(setupPage(account, null, problem));
        }
        Optional<List<String>> codes = secondFactors.confirm(account, code);
        if (codes.isEmpty()) {
            return HttpResponse.unprocessableEntity().body(setupPage(account, null, SecondFactors.WRONG_SETUP_CODE));
        }
        return HttpResponse.ok(new ModelAndView<>("accounts/recovery-codes",
                new RecoveryCodesPage("Uw herstelcodes", codes.get())));
    }

    @Post(value = PATH + "/uitzetten", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> switchOff(CurrentAccount account, @Body Map<String, String> fields) {
        String code = fields.getOrDefault("code", "").strip();
        String problem = SecondFactors.codeProblem(code);
        long wait = problem == null ? switchOffAttempts.tryTake(Long.toString(account.id())) : 0;
        if (wait > 0) {
            Duration minutes = Duration.ofMinutes(Math.max(1, (wait + 59) / 60));
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                    .body(setupPage(account, null, TOO_MANY_CODES.formatted(DutchFormat.duration(minutes))));
        }
        if (problem == null && !secondFactors.switchOff(account, code)) {
            problem = SecondFactors.WRONG_SETUP_CODE;
        }
        if (problem != null) {
            return HttpResponse.unprocessableEntity().body(setupPage(account, null, problem));
        }
        return HttpResponse.seeOther(URI.create(PATH + SWITCHED_OFF.query()));
    }

    /** A new secret to set up (replacing one not yet confirmed); 409 when the second factor is on already. */
    @Post(value = "/api/v1/me/totp")
    @Produces(MediaType.APPLICATION_JSON)
    SetupResponse start(CurrentAccount account) {
        String secret = secondFactors.restart(account.id());
        return new SetupResponse(secret, Totp.uri(SecondFactors.ISSUER, account.email(), secret));
    }

    @Post(value = "/api/v1/me/totp/confirm", consumes = MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ConfirmResponse confirmApi(CurrentAccount account, @Body ConfirmRequest request) {
        InvalidInput problems = new InvalidInput()
                .require("code", request.code(), SecondFactors.MAX_CODE_LENGTH, "de code uit de app");
        problems.throwIfAny();
        return new ConfirmResponse(secondFactors.confirm(account, request.code().strip())
                .orElseThrow(() -> new InvalidInput().add("code", SecondFactors.WRONG_SETUP_CODE).asException()));
    }

    private ModelAndView<SetupPage> setupPage(CurrentAccount account, @Nullable String notice, @Nullable String problem) {
        boolean required = secondFactors.requiredFor(account.role());
        if (secondFactors.enrolled(account.id())) {
            return new ModelAndView<>("accounts/second-factor", new SetupPage("Tweestapsverificatie", true, required,
                    notice, problem, null, null, null, secondFactors.unusedRecoveryCodes(account.id()),
                    SecondFactors.MAX_CODE_LENGTH));
        }
        String secret = secondFactors.pendingSecret(account.id());
        String uri = Totp.uri(SecondFactors.ISSUER, account.email(), secret);
        return new ModelAndView<>("accounts/second-factor", new SetupPage("Tweestapsverificatie instellen", false,
                required, notice, problem, QrSvg.of(uri, "QR-code om te scannen met uw app"), Totp.grouped(secret), uri,
                0, SecondFactors.MAX_CODE_LENGTH));
    }
}
