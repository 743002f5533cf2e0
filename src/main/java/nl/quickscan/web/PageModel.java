package nl.quickscan.web;

import com.github.jknack.handlebars.Context;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

/**
 * Puts every page's own model (a record per page) inside the {@link Layout}, so that a template reads both at top
 * level: {@code {{title}}} from the page, {@code {{user.name}}} and {@code {{csrfToken}}} from the layout.
 */
@Singleton
public class PageModel implements ViewModelProcessor<Object> {

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Object> modelAndView) {
        modelAndView.getModel().ifPresent(page -> modelAndView.setModel(withLayout(request, page)));
    }

    /** The page as the child of the layout: Handlebars looks up what the page does not have in the layout. */
    Context withLayout(HttpRequest<?> request, Object page) {
        return Context.newBuilder(Context.newBuilder(Layout.of(request)).build(), page).build();
    }
}
