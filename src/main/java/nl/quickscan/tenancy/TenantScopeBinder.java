package nl.quickscan.tenancy;

import nl.quickscan.web.RequestAttributes;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;
import nl.quickscan.tenancy.TenantScope;

import java.util.Optional;

/**
 * Lets a controller method take the {@link TenantScope} as a parameter. The scope is made from the authenticated
 * account alone; nothing in the path, query or body can widen it.
 */
@Singleton
final class TenantScopeBinder implements TypedRequestArgumentBinder<TenantScope> {

    @Override
    public Argument<TenantScope> argumentType() {
        return Argument.of(TenantScope.class);
    }

    @Override
    public BindingResult<TenantScope> bind(ArgumentConversionContext<TenantScope> context, HttpRequest<?> source) {
        Optional<TenantScope> scope = source.getAttribute(RequestAttributes.CURRENT_ACCOUNT, CurrentAccount.class)
                .map(TenantScope::of);
        return scope.isPresent() ? () -> scope : BindingResult.unsatisfied();
    }
}
