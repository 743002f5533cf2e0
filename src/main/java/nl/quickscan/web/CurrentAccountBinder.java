package nl.quickscan.web;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import nl.quickscan.identity.CurrentAccount;

import java.util.Optional;

/** Lets a controller method take the {@link CurrentAccount} as a parameter. */
@Singleton
final class CurrentAccountBinder implements TypedRequestArgumentBinder<CurrentAccount> {

    @Override
    public Argument<CurrentAccount> argumentType() {
        return Argument.of(CurrentAccount.class);
    }

    @Override
    public BindingResult<CurrentAccount> bind(ArgumentConversionContext<CurrentAccount> context, HttpRequest<?> source) {
        Optional<CurrentAccount> account = source.getAttribute(RequestAttributes.CURRENT_ACCOUNT, CurrentAccount.class);
        return account.isPresent() ? () -> account : BindingResult.unsatisfied();
    }
}
