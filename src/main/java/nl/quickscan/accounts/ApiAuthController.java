package nl.quickscan.accounts;

import io.micronaut.core.annotation.Nullable;
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
import nl.quickscan.web.InvalidInput;

import java.time.Duration;
import java.util.Optional;

/** Bearer tokens for scripts, and who the caller is. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiAuthController {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    @Serdeable
    record TokenRequest(@Nullable String username, @Nullable String password) {
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

    private final LoginService loginService;
    private final Sessions sessions;
    private final GemeenteRepository gemeenten;
    private final RegioRepository regios;

    ApiAuthController(LoginService loginService, Sessions sessions, GemeenteRepository gemeenten,
                      RegioRepository regios) {
        this.loginService = loginService;
        this.sessions = sessions;
        this.gemeenten = gemeenten;
        this.regios = regios;
    }

    @Post(value = "/auth/token", consumes = MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> token(@Body TokenRequest request) {
        new InvalidInput()
                .require("username", request.username(), 254, "de gebruikersnaam (uw e-mailadres)")
                .require("password", request.password(), PasswordHasher.MAX_LENGTH, "het wachtwoord")
                .throwIfAny();
        LoginService.Outcome outcome = loginService.authenticate(request.username(), request.password());
        if (outcome.account().isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(ApiError.of(outcome.message()));
        }
        Sessions.IssuedToken issued = sessions.open(outcome.account().get(), TOKEN_LIFETIME);
        return HttpResponse.ok(new TokenResponse(issued.token(), TOKEN_LIFETIME.toSeconds(), "Bearer"));
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
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
