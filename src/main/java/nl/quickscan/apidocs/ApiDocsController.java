package nl.quickscan.apidocs;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

/**
 * The description of the API, public: it describes the routes and holds no tenant's data. As OpenAPI YAML for
 * tools, and as a page for people, made from the same description.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class ApiDocsController {

    static final String YAML_PATH = "/api/v1/openapi.yaml";
    static final String PAGE_PATH = "/api/v1/docs";
    static final MediaType YAML_UTF8 = MediaType.of("application/yaml; charset=utf-8");

    private final ApiDescription description;
    private final ApiDocsPage page;

    ApiDocsController(ApiDescription description) {
        this.description = description;
        this.page = ApiDocsPage.of(description.tree());
    }

    @Get(value = YAML_PATH, produces = "application/yaml")
    HttpResponse<String> yaml() {
        return HttpResponse.ok(description.text()).contentType(YAML_UTF8);
    }

    @Get(PAGE_PATH)
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<ApiDocsPage> page() {
        return new ModelAndView<>("apidocs/docs", page);
    }
}
