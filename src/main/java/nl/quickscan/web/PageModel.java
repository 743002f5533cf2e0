package nl.quickscan.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;

import java.util.HashMap;
import java.util.Map;

/** Adds what every page's layout needs: the logged-in account (for the menu) and the CSRF token for forms. */
@Singleton
public class PageModel implements ViewModelProcessor<Map<String, Object>> {

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> modelAndView) {
        Map<String, Object> model = new HashMap<>(modelAndView.getModel().orElse(Map.of()));
        decorate(request, model);
        modelAndView.setModel(model);
    }

    void decorate(HttpRequest<?> request, Map<String, Object> model) {
        request.getAttribute(RequestAttributes.CSRF_TOKEN, String.class)
                .ifPresent(token -> model.put("csrfToken", token));
        request.getAttribute(RequestAttributes.CURRENT_ACCOUNT, CurrentAccount.class).ifPresent(account -> {
            Map<String, Object> user = new HashMap<>();
            user.put("name", account.displayName());
            user.put("email", account.email());
            user.put("roleLabel", account.role().label());
            user.put("beheerder", account.is(Role.BEHEERDER));
            user.put("coordinator", account.is(Role.COORDINATOR));
            user.put("adviseur", account.is(Role.ADVISEUR));
            model.put("user", user);
        });
    }
}
