package nl.quickscan.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * The account behind the current request, read from the database for every request (so that a revoked session,
 * a changed role or a deactivated account takes effect at once). It is the only source of the tenant.
 */
@io.micronaut.core.annotation.Introspected
public record CurrentAccount(
        long id,
        String email,
        String displayName,
        Role role,
        @Nullable Long gemeenteId,
        @Nullable Long regioId,
        String sessionId) {

    public boolean is(Role candidate) {
        return role == candidate;
    }
}
