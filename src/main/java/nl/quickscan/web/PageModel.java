package nl.quickscan.web;

import com.github.jknack.handlebars.Context;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.identity.Role;

import java.util.HashMap;
import java.util.Map;

/**
 * Adds what every page's layout needs: the logged-in account (for the menu) and the CSRF token for forms. A typed
 * page model (a record) is wrapped in a Handlebars context that also holds these, so that templates read the
 * record's components and {@code user}, {@code csrfToken} alike at the top level.
 */
@Singleton
public class PageModel implements ViewModelProcessor<Object> {

    @Override
    @SuppressWarnings("unchecked")
    public void process(HttpRequest<?> request, ModelAndView<Object> modelAndView) {
        Object page = modelAndView.getModel().orElse(Map.of());
        Map<String, Object> layout = new HashMap<>();
        decorate(request, layout);
        if (page instanceof Map<?, ?> values) {
            Map<String, Object> model = new HashMap<>((Map<String, Object>) values);
            model.putAll(layout);
            modelAndView.setModel(model);
        } else {
            modelAndView.setModel(Context.newBuilder(page).combine(layout).build());
        }
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
