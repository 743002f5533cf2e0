package nl.quickscan.accounts;

import nl.quickscan.identity.CurrentAccount;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import nl.quickscan.tenancy.GemeenteRepository;
import nl.quickscan.tenancy.GemeenteRow;
import nl.quickscan.tenancy.RegioRepository;
import nl.quickscan.tenancy.TenantScope;
import nl.quickscan.web.ApiError;
import nl.quickscan.errors.InvalidInput;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Bearer tokens for scripts, and who the caller is. */
@Controller("/api/v1")
class ApiAuthController {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    static final String OTP_MISSING = "Dit account heeft tweestapsverificatie. Stuur ook \"otp\": de code die de app nu"
            + " toont, of een herstelcode.";

    @Serdeable
    record TokenRequest(@Nullable String username, @Nullable String password, @Nullable String otp) {
    }

    /** 401 of an account with a second factor, when the code ("otp") is missing or wrong. */
    @Serdeable
    record OtpRequired(String message, List<ApiError.FieldError> errors, boolean otpRequired) {
    }

    @Serdeable
    record TokenResponse(String access_token, long expires_in, String token_type) {
    }

    @Serdeable
    record Me(long id, String email, String name, String role, @Nullable GemeenteRef gemeente, @Nullable RegioRef regio) {
    }

    @Serdeable
    record GemeenteRef(String cbsCode, String name) {
    }

    @Serdeable
    record RegioRef(long id, String name) {
    }

    private final LoginGate gate;
    private final Sessions sessions;
    private final LoginService loginService;
    private final SecondFactors secondFactors;
    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;

    ApiAuthController(LoginGate gate, Sessions sessions, LoginService loginService, SecondFactors secondFactors,
                      GemeenteRepository gemeenten, RegioRepository regios) {
        this.gate = gate;
        this.sessions = sessions;
        this.loginService = loginService;
        this.secondFactors = secondFactors;
        this.gemeenten = gemeenten;
        this.regios = regios;
    }

    /** On the event loop: the checks here take no time, and the password check goes through {@link LoginGate}. */
    @Post(value = "/auth/token", consumes = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    CompletableFuture<HttpResponse<?>> token(HttpRequest<?> http, @Body TokenRequest request) {
        InvalidInput problems = new InvalidInput()
                .require("username", request.username(), Account.MAX_EMAIL_LENGTH, "de gebruikersnaam (uw e-mailadres)")
                .require("password", request.password(), PasswordHasher.MAX_LENGTH, "het wachtwoord");
        if (!problems.has("username") && Account.emailProblem(request.username()) != null) {
            problems.add("username", Account.emailProblem(request.username()));
        }
        if (!problems.has("password") && PasswordRules.tooLong(request.password())) {
            problems.add("password", PasswordRules.TOO_LONG_AT_LOGIN);
        }
        if (request.otp() != null && request.otp().strip().length() > SecondFactors.MAX_CODE_LENGTH) {
            problems.add("otp", SecondFactors.codeProblem(request.otp().strip()));
        }
        problems.throwIfAny();
        return gate.attempt(http, request.username(), request.password(), outcome -> {
            if (outcome.account().isEmpty()) {
                return LoginGate.refusal(outcome, ApiError.of(outcome.message()));
            }
            Account account = outcome.account().get();
            if (secondFactors.enrolled(account.id())) {
                String otp = request.otp() == null ? "" : request.otp().strip();
                if (otp.isEmpty()) {
                    return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new OtpRequired(OTP_MISSING, List.of(), true));
                }
                LoginService.Outcome second = loginService.secondStep(account.id(),
                        () -> secondFactors.verify(account.id(), otp), SecondFactors.WRONG_CODE);
                if (second.account().isEmpty()) {
                    return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(new OtpRequired(second.message(), List.of(), true));
                }
            }
            Sessions.IssuedToken issued = sessions.open(account, TOKEN_LIFETIME, http);
            return HttpResponse.ok(new TokenResponse(issued.token(), TOKEN_LIFETIME.toSeconds(), "Bearer"));
        });
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Me me(CurrentAccount account, TenantScope scope) {
        Optional<GemeenteRow> own = account.gemeenteId() == null ? Optional.empty()
                : gemeenten.findVisible(scope, account.gemeenteId());
        GemeenteRef gemeente = own.map(g -> new GemeenteRef(g.cbsCode(), g.name())).orElse(null);
        Long regioId = account.regioId() != null ? account.regioId() : own.map(GemeenteRow::regioId).orElse(null);
        RegioRef regio = regioId == null ? null
                : regios.findVisible(scope, regioId).map(r -> new RegioRef(r.id(), r.name())).orElse(null);
        return new Me(account.id(), account.email(), account.displayName(), account.role().name(), gemeente, regio);
    }
}
