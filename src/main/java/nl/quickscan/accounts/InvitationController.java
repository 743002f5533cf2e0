package nl.quickscan.accounts;

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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The page behind an invitation link: the new account holder chooses a password. */
@Controller("/uitnodiging")
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationController {

    private static final String UNUSABLE = "Deze uitnodigingslink is verlopen of al gebruikt. Vraag uw coördinator of de beheerder om een nieuwe link.";

    @Serdeable
    record PasswordForm(@Nullable String password, @Nullable String passwordRepeat) {
    }

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    @Get("/{token}")
    HttpResponse<?> page(@PathVariable String token) {
        Optional<Account> account = invitations.accountFor(token);
        if (account.isEmpty()) {
            return HttpResponse.status(HttpStatus.GONE).body(view(null, UNUSABLE));
        }
        return HttpResponse.ok(view(account.get(), null));
    }

    @Post(value = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> accept(@PathVariable String token, @Body PasswordForm form) {
        Optional<Account> account = invitations.accountFor(token);
        if (account.isEmpty()) {
            return HttpResponse.status(HttpStatus.GONE).body(view(null, UNUSABLE));
        }
        String problem = PasswordHasher.problemWith(form.password(), account.get().email());
        if (problem == null && !form.password().equals(form.passwordRepeat())) {
            problem = "De twee wachtwoorden zijn niet gelijk.";
        }
        if (problem != null) {
            return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(view(account.get(), problem));
        }
        if (!invitations.accept(token, form.password())) {
            return HttpResponse.status(HttpStatus.GONE).body(view(null, UNUSABLE));
        }
        return HttpResponse.seeOther(URI.create("/login?welkom=1"));
    }

    private static ModelAndView<Map<String, Object>> view(@Nullable Account account, @Nullable String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Wachtwoord kiezen");
        model.put("minLength", PasswordHasher.MIN_LENGTH);
        if (account != null) {
            model.put("email", account.email());
            model.put("name", account.displayName());
        }
        model.put("error", error);
        return new ModelAndView<>("invitation", model);
    }
}
